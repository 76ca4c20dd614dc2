package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.cli.output.JsonLinesRejectsFile;
import com.partpal.db.adapters.cli.output.ReportFiles;
import com.partpal.db.application.jobs.JobRegistry;
import com.partpal.db.application.jobs.MigrationJobs;
import com.partpal.db.application.port.DatabaseConnector;
import com.partpal.db.application.verify.MigrateThenVerify;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The jobs the HTTP API runs: the same use cases as the commands. */
@Factory
public class JobsWiring {
    @Singleton
    JobRegistry jobRegistry(Clock clock) {
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "partpal-job");
            t.setDaemon(true);
            return t;
        });
        return new JobRegistry(executor, clock);
    }

    @Singleton
    MigrationJobs migrationJobs(JobRegistry registry, DatabaseConnector connector, MigrateThenVerify migrateThenVerify) {
        return new MigrationJobs(registry, connector, migrateThenVerify, () -> new JsonLinesRejectsFile(
                ReportFiles.rejectsNextTo(ReportFiles.defaultReport("migrate-job-" + UUID.randomUUID()))));
    }
}
