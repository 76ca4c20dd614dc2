package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.adapters.files.JsonLinesRejectsReader;
import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.jobs.BackupJobs;
import com.partpal.db.application.jobs.JobRegistry;
import com.partpal.db.application.jobs.RestoreJobs;
import com.partpal.db.application.jobs.VerificationJobs;
import com.partpal.db.application.port.VerifiableDatabaseConnector;
import com.partpal.db.application.verify.VerifyUseCase;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The verification, backup and restore jobs the HTTP API runs: the same use cases as verify, backup and restore. */
@Factory
public class BackupJobsWiring {
    @Singleton
    VerificationJobs verificationJobs(JobRegistry registry, VerifiableDatabaseConnector connector, VerifyUseCase verify) {
        return new VerificationJobs(registry, connector, verify, new JsonLinesRejectsReader());
    }

    @Singleton
    BackupJobs backupJobs(JobRegistry registry, BackupServices services, VerifiableDatabaseConnector connector) {
        return new BackupJobs(registry, services, connector);
    }

    @Singleton
    RestoreJobs restoreJobs(JobRegistry registry, BackupServices services) {
        return new RestoreJobs(registry, services);
    }
}
