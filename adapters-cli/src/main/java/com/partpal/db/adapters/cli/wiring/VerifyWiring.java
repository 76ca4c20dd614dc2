package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.application.port.VerifiableDatabaseConnector;
import com.partpal.db.application.migrate.MigrateUseCase;
import com.partpal.db.application.verify.MigrateThenVerify;
import com.partpal.db.application.verify.VerifyUseCase;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The verify use case, alone and after migrate; the connector that opens either side is in {@link EngineWiring}. */
@Factory
public class VerifyWiring {
    @Singleton
    MigrateThenVerify migrateThenVerify(MigrateUseCase migrate, VerifyUseCase verify) {
        return new MigrateThenVerify(migrate, verify);
    }

    @Singleton
    VerifyUseCase verifyUseCase(VerifiableDatabaseConnector connector, Clock clock) {
        return new VerifyUseCase(connector, clock);
    }
}
