package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.jobs.BackupJobs;
import com.partpal.db.application.jobs.JobRegistry;
import com.partpal.db.application.jobs.RestoreJobs;
import com.partpal.db.application.port.VerifiableDatabaseConnector;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The backup and restore jobs the HTTP API runs: the same use cases as backup and restore. */
@Factory
public class BackupJobsWiring {
    @Singleton
    BackupJobs backupJobs(JobRegistry registry, BackupServices services, VerifiableDatabaseConnector connector) {
        return new BackupJobs(registry, services, connector);
    }

    @Singleton
    RestoreJobs restoreJobs(JobRegistry registry, BackupServices services) {
        return new RestoreJobs(registry, services);
    }
}
