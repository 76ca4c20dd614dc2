package com.partpal.db.application.jobs;

import com.partpal.db.application.port.RejectsFileReader;
import com.partpal.db.application.port.VerifiableDatabaseConnector;
import com.partpal.db.application.verify.VerifyRequest;
import com.partpal.db.application.verify.VerifyUseCase;
import com.partpal.db.domain.BadInputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * verify as a job; its report is the CLI's --report JSON (differences found still end "succeeded": the report says
 * identical false). Its target is the database verified, "to": comparing while another job writes it means nothing.
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
                    return verify.verify(withRejects, cancelled).toJson();
                });
    }
}
