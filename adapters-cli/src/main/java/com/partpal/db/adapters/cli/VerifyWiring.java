package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.PostgresSourceDatabase;
import com.partpal.db.adapters.sqlite.SqliteSourceDatabase;
import com.partpal.db.application.port.VerifiableDatabaseConnector;
import com.partpal.db.application.migrate.MigrateUseCase;
import com.partpal.db.application.verify.MigrateThenVerify;
import com.partpal.db.application.verify.VerifyUseCase;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.connection.SqliteLocation;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The verify use case and the connector that opens either side: PostgreSQL URLs, else a SQLite file. */
@Factory
public class VerifyWiring {
    @Singleton
    VerifiableDatabaseConnector verifiableDatabaseConnector() {
        return location -> {
            if (location == null || location.isBlank()) {
                throw new BadInputException("no database given: use --from and --to");
            }
            String given = location.trim();
            return PostgresUrl.looksLikePostgres(given) ? PostgresSourceDatabase.open(PostgresUrl.parse(given))
                    : SqliteSourceDatabase.open(SqliteLocation.parse(given));
        };
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
