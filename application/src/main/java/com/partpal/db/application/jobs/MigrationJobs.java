package com.partpal.db.application.jobs;

import com.partpal.db.application.migrate.MigrateRequest;
import com.partpal.db.application.port.DatabaseConnector;
import com.partpal.db.application.port.RejectsSink;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.verify.MigrateThenVerify;
import com.partpal.db.application.verify.VerificationCancelledException;
import com.partpal.db.application.verify.VerifyRequest;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.report.MigrationReport;
import com.partpal.db.domain.report.Outcome;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** migrate (then verify, like the CLI) as a job; its report is the CLI's --report JSON. */
public final class MigrationJobs {
    public static final String KIND = "migration";

    private final JobRegistry registry;
    private final DatabaseConnector connector;
    private final MigrateThenVerify migrateThenVerify;
    private final Supplier<RejectsSink> newRejectsSink;

    public MigrationJobs(JobRegistry registry, DatabaseConnector connector, MigrateThenVerify migrateThenVerify,
                         Supplier<RejectsSink> newRejectsSink) {
        this.registry = registry;
        this.connector = connector;
        this.migrateThenVerify = migrateThenVerify;
        this.newRejectsSink = newRejectsSink;
    }

    /**
     * Queues the migration.
     *
     * @throws BadInputException    for a missing or unreadable source or a target that is not a PostgreSQL URL
     * @throws JobConflictException when another job writes the same database
     */
    public JobSnapshot start(MigrateRequest request) {
        if (request.dryRun()) {
            throw new BadInputException("a dry run is not a job: use plan");
        }
        if (request.from() == null || request.from().isBlank()) {
            throw new BadInputException("missing source: give \"from\" (a SQLite file or URL)");
        }
        PostgresUrl.parse(request.to()); // the target must be PostgreSQL: a bad URL is refused here
        try (SourceDatabase source = connector.openSource(request.from())) {
            source.describe(); // a missing or non-SQLite file is refused now, not as a failed job later
        }
        JobTarget target = TargetKeys.database(request.to());
        String targetKey = target.shown();
        return registry.submit(KIND, target, options(request), (progress, cancelled) -> {
            LoadedTables loaded = new LoadedTables(targetKey, progress);
            try (RejectsSink rejects = newRejectsSink.get()) {
                MigrationReport report = migrateThenVerify.run(request, rejects, loaded, VerifyRequest.DEFAULT_MAX_DIFFS,
                        cancelled).report();
                report.tables().forEach(progress::tableFinished); // the final counts: orphans are rejected after the load
                if (report.outcome() == Outcome.VERIFICATION_FAILED) {
                    throw new JobFailedWithReportException("migration complete, but its " + Differences.summary(
                            report.verification()) + " (the target " + targetKey + " holds every table)",
                            report.toJson());
                }
                return report.toJson();
            } catch (VerificationCancelledException e) {
                throw new JobCancelledException("migration complete: the target " + targetKey + " holds every "
                        + "table, key, index and sequence; its verification was cancelled before it finished (run "
                        + "a verification for the proof)");
            } catch (RuntimeException e) {
                if (cancelled.getAsBoolean()) {
                    throw new JobCancelledException(loaded.afterCancel());
                }
                throw e;
            }
        });
    }

    private static Map<String, String> options(MigrateRequest request) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("from", request.from());
        options.put("to", request.to());
        options.put("jobs", String.valueOf(request.jobs()));
        options.put("batchSize", String.valueOf(request.batchSize()));
        options.put("onExisting", request.onExisting().name().toLowerCase(Locale.ROOT));
        options.put("verify", String.valueOf(request.verify()));
        return options;
    }
}
