package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.application.port.VerifiableDatabaseConnector;
import com.partpal.db.application.migrate.MigrateUseCase;
import com.partpal.db.application.verify.MigrateThenVerify;
import com.partpal.db.application.verify.VerifyUseCase;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The verify use case and the connector that opens either side (see UrlDatabaseConnector). */
@Factory
public class VerifyWiring {
    @Singleton
    public VerifiableDatabaseConnector verifiableDatabaseConnector() {
        return new UrlDatabaseConnector();
    }

    @Singleton
    MigrateThenVerify migrateThenVerify(MigrateUseCase migrate, VerifyUseCase verify) {
        return new MigrateThenVerify(migrate, verify);
    }

    @Singleton
    VerifyUseCase verifyUseCase(VerifiableDatabaseConnector connector, Clock clock) {
        return new VerifyUseCase(connector, clock);
    }
}
