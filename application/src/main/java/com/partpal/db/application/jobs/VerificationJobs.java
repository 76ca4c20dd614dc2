package com.partpal.db.application.jobs;

import com.partpal.db.application.port.RejectsFileReader;
import com.partpal.db.application.port.VerifiableDatabaseConnector;
import com.partpal.db.application.verify.VerifyRequest;
import com.partpal.db.application.verify.VerifyUseCase;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.verify.VerificationReport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * verify as a job; its report is the CLI's --report JSON. Differences found end the job FAILED with a one-line
 * summary as its error (the CLI's exit code 1), the report kept. Its target is the database verified, "to": comparing while another job writes it means nothing.
 */
public final class VerificationJobs {
    public static final String KIND = "verification";

    private final JobRegistry registry;
    private final VerifiableDatabaseConnector connector;
    private final VerifyUseCase verify;
    private final RejectsFileReader rejectsFiles;

    public VerificationJobs(JobRegistry registry, VerifiableDatabaseConnector connector, VerifyUseCase verify,
                            RejectsFileReader rejectsFiles) {
        this.registry = registry;
        this.connector = connector;
        this.verify = verify;
        this.rejectsFiles = rejectsFiles;
    }

    /**
     * Queues the verification of {@code request} (its rejects are read from {@code rejectsFile}, may be null).
     *
     * @throws BadInputException    for a database that cannot be opened or a missing rejects file
     * @throws JobConflictException when another job writes the target
     */
    public JobSnapshot start(VerifyRequest request, String rejectsFile) {
        DatabaseCheck.opens(connector, request.from());
        DatabaseCheck.opens(connector, request.to());
        VerifyRequest withRejects = new VerifyRequest(request.from(), request.to(), request.planOptions(),
                rejectsFiles.read(rejectsFile), request.maxDiffs(), request.jobs());
        Map<String, String> options = new LinkedHashMap<>();
        options.put("from", request.from());
        options.put("to", request.to());
        options.put("maxDiffs", String.valueOf(request.maxDiffs()));
        options.put("jobs", String.valueOf(request.jobs()));
        if (rejectsFile != null) {
            options.put("rejects", rejectsFile);
        }
        return registry.submit(KIND, TargetKeys.database(request.to()), options,
                (progress, cancelled) -> {
                    progress.phase("verifying");
                    VerificationReport report = verify.verify(withRejects, cancelled);
                    if (!report.identical()) {
                        throw new JobFailedWithReportException(Differences.summary(report), report.toJson());
                    }
                    return report.toJson();
                });
    }
}
