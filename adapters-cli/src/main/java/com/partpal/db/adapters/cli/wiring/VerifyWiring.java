package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.adapters.files.JsonLinesRejectsReader;
import com.partpal.db.application.jobs.JobRegistry;
import com.partpal.db.application.jobs.VerificationJobs;
import com.partpal.db.application.port.VerifiableDatabaseConnector;
import com.partpal.db.application.migrate.MigrateUseCase;
import com.partpal.db.application.verify.MigrateThenVerify;
import com.partpal.db.application.verify.VerifyUseCase;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Verification: the use case alone, after migrate and as HTTP jobs; the connector is in {@link EngineWiring}. */
@Factory
public class VerifyWiring {
    @Singleton
    MigrateThenVerify migrateThenVerify(MigrateUseCase migrate, VerifyUseCase verify) {
        return new MigrateThenVerify(migrate, verify);
    }

    /** The verification jobs the HTTP API runs: the same use case as verify. */
    @Singleton
    VerificationJobs verificationJobs(JobRegistry registry, VerifiableDatabaseConnector connector, VerifyUseCase verify) {
        return new VerificationJobs(registry, connector, verify, new JsonLinesRejectsReader());
    }

    @Singleton
    VerifyUseCase verifyUseCase(VerifiableDatabaseConnector connector, Clock clock) {
        return new VerifyUseCase(connector, clock);
    }
}
