package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.adapters.files.JsonFileJobHistory;
import com.partpal.db.adapters.files.JsonLinesRejectsFile;
import com.partpal.db.adapters.files.ReportFiles;
import com.partpal.db.application.jobs.JobHistory;
import com.partpal.db.application.jobs.JobRegistry;
import com.partpal.db.application.jobs.JobRetention;
import com.partpal.db.application.jobs.MigrationJobs;
import com.partpal.db.application.port.DatabaseConnector;
import com.partpal.db.application.verify.MigrateThenVerify;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The jobs the HTTP API runs: the same use cases as the commands. */
@Factory
public class JobsWiring {
    /** The job history's directory; without it (only tests start the server so) jobs live in memory only. */
    public static final String DATA_DIR = "partpal.jobs.data-dir";

    @Singleton
    JobHistory jobHistory(@Property(name = DATA_DIR) @Nullable String dataDir) {
        return dataDir == null || dataDir.isBlank() ? JobHistory.NONE : new JsonFileJobHistory(Path.of(dataDir));
    }

    /** Closing the context (serve stopping) ends the unfinished jobs as interrupted. */
    @Singleton
    @Bean(preDestroy = "shutdown")
    JobRegistry jobRegistry(Clock clock, JobHistory history,
                            @Value("${partpal.jobs.retention.max-finished:1000}") int maxFinished,
                            @Value("${partpal.jobs.retention.max-age:30d}") Duration maxAge) {
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "partpal-job");
            t.setDaemon(true);
            return t;
        });
        return new JobRegistry(executor, clock, history, new JobRetention(maxFinished, maxAge),
                new ResolvedTargetIdentity());
    }

    @Singleton
    MigrationJobs migrationJobs(JobRegistry registry, DatabaseConnector connector, MigrateThenVerify migrateThenVerify) {
        return new MigrationJobs(registry, connector, migrateThenVerify, () -> new JsonLinesRejectsFile(
                ReportFiles.rejectsNextTo(ReportFiles.defaultReport("migrate-job-" + UUID.randomUUID()))));
    }
}
