package com.partpal.db.application.verify;

import com.partpal.db.application.migrate.MigrateRequest;
import com.partpal.db.application.migrate.MigrateResult;
import com.partpal.db.application.migrate.MigrateUseCase;
import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.application.port.RejectsSink;
import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.domain.report.MigrationReport;
import com.partpal.db.domain.report.Outcome;
import com.partpal.db.domain.report.Reject;
import com.partpal.db.domain.verify.ExpectedRejects;
import com.partpal.db.domain.verify.VerificationReport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * migrate, then (unless the request says not to, or it is a dry run) verify the target against the source with the
 * run's own rejects as expected-missing; the verification goes into the report, and differences make the outcome
 * VERIFICATION_FAILED.
 */
public final class MigrateThenVerify {
    private final MigrateUseCase migrate;
    private final VerifyUseCase verify;

    public MigrateThenVerify(MigrateUseCase migrate, VerifyUseCase verify) {
        this.migrate = migrate;
        this.verify = verify;
    }

    public MigrateResult run(MigrateRequest request, RejectsSink rejects, ProgressListener progress, int maxDiffs) {
        return run(request, rejects, progress, maxDiffs, () -> Thread.currentThread().isInterrupted());
    }

    /** Like the other run, stopping the load cleanly (MigrationCancelledException) once {@code cancelled} is true. */
    public MigrateResult run(MigrateRequest request, RejectsSink rejects, ProgressListener progress, int maxDiffs,
                             BooleanSupplier cancelled) {
        if (!request.verify() || request.dryRun()) {
            return migrate.migrate(request, rejects, progress, cancelled);
        }
        List<String> rejectLines = new ArrayList<>();
        RejectsSink recording = new RejectsSink() {
            @Override
            public synchronized void write(Reject reject) {
                rejectLines.add(reject.toJsonLine());
                rejects.write(reject);
            }

            @Override
            public String location() {
                return rejects.location();
            }

            @Override
            public void close() {
                rejects.close();
            }
        };
        return migrate.migrate(request, recording, progress, cancelled, (source, result) -> {
            progress.phase("verifying");
            VerifyRequest verifyRequest = new VerifyRequest(request.from(), request.to(), request.planOptions(),
                    ExpectedRejects.parse(rejectLines, "the run's rejects"), maxDiffs, request.jobs());
            VerificationReport verification = source instanceof VerifiableDatabase sameSnapshot
                    ? verify.verify(verifyRequest, sameSnapshot, cancelled) : verify.verify(verifyRequest, cancelled);
            MigrationReport r = result.report();
            Outcome outcome = verification.identical() ? r.outcome() : Outcome.VERIFICATION_FAILED;
            MigrationReport withVerification = r.withVerification(outcome, verification.toMap());
            return new MigrateResult(result.plan(), result.ddl(), withVerification);
        });
    }
}
