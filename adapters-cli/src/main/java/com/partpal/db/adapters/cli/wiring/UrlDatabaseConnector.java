package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.adapters.cli.wiring.DirectUrl;
import com.partpal.db.adapters.postgres.PostgresSourceDatabase;
import com.partpal.db.adapters.postgres.PostgresTargetDatabase;
import com.partpal.db.adapters.sqlite.SqliteSourceDatabase;
import com.partpal.db.application.port.DatabaseConnector;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.application.port.VerifiableDatabaseConnector;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.connection.Secrets;
import com.partpal.db.domain.connection.SqliteLocation;

/** Chooses the adapter from the location's form: postgres(ql):// and jdbc:postgresql: URLs, else a SQLite file. */
final class UrlDatabaseConnector implements DatabaseConnector, VerifiableDatabaseConnector {
    @Override
    public SourceDatabase openSource(String location) {
        String given = required(location, "no source given: use --from or set SQLITE_URL");
        if (PostgresUrl.looksLikePostgres(given)) {
            throw new BadInputException("migrate reads from SQLite, but the source is a PostgreSQL URL: "
                    + Secrets.mask(given));
        }
        return SqliteSourceDatabase.open(SqliteLocation.parse(given));
    }

    @Override
    public TargetDatabase openTarget(String location) {
        String given = required(location, "no target given: use --to or set POSTGRES_URL or DATABASE_URL");
        if (!PostgresUrl.looksLikePostgres(given)) {
            throw new BadInputException("the target must be a PostgreSQL URL (postgresql://user:password@host:5432/db)"
                    + ", got: " + Secrets.mask(given));
        }
        return PostgresTargetDatabase.open(PostgresUrl.parse(DirectUrl.forSessionWork(given, "migrate")));
    }

    /** Either side of a verify. */
    @Override
    public VerifiableDatabase open(String location) {
        String given = required(location, "no database given: use --from and --to");
        return PostgresUrl.looksLikePostgres(given) ? PostgresSourceDatabase.open(PostgresUrl.parse(DirectUrl.forSessionWork(given, "verify")))
                : SqliteSourceDatabase.open(SqliteLocation.parse(given));
    }

    private static String required(String location, String message) {
        if (location == null || location.isBlank()) {
            throw new BadInputException(message);
        }
        return location.trim();
    }
}
