package com.partpal.db.application.jobs;

import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.connection.SqliteLocation;

import java.nio.file.Path;

/**
 * How jobs name what they write, so that the registry refuses a second job on the same thing whatever its kind:
 * host:port/database for PostgreSQL (no user, no password), the absolute file path for SQLite, "catalogue DIR" for a
 * backup catalogue. Whether two of them are the same is the registry's {@link TargetIdentity}'s to say.
 */
final class TargetKeys {
    private TargetKeys() {
    }

    static JobTarget database(String location) {
        if (PostgresUrl.looksLikePostgres(location)) {
            PostgresUrl url = PostgresUrl.parse(location);
            return new JobTarget(url.host() + ":" + url.port() + "/" + url.database(), url, null);
        }
        Path path = Path.of(SqliteLocation.parse(location).path()).toAbsolutePath().normalize();
        return new JobTarget(path.toString(), null, path);
    }

    static JobTarget catalogue(Path directory) {
        return new JobTarget("catalogue " + directory, null, directory.toAbsolutePath().normalize());
    }
}
