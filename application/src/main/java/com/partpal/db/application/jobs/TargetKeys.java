package com.partpal.db.application.jobs;

import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.connection.SqliteLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How jobs name what they write, so that the registry refuses a second job on the same thing whatever its kind and
 * however it is spelled. PostgreSQL: shown as host:port/database (no user, no password), identified by the resolved
 * server address (any address of this machine, loopback included, is "this machine"), port and database. SQLite: the
 * file's real path. A backup catalogue: "catalogue DIR", identified by the directory's real path.
 */
final class TargetKeys {
    private TargetKeys() {
    }

    static JobTarget database(String location) {
        if (PostgresUrl.looksLikePostgres(location)) {
            PostgresUrl url = PostgresUrl.parse(location);
            String shown = url.host() + ":" + url.port() + "/" + url.database();
            return new JobTarget(shown, DatabaseIdentity.of(url));
        }
        Path path = Path.of(SqliteLocation.parse(location).path()).toAbsolutePath().normalize();
        return new JobTarget(path.toString(), "sqlite " + real(path));
    }

    static JobTarget catalogue(Path directory) {
        return new JobTarget("catalogue " + directory, "catalogue " + real(directory));
    }

    private static Path real(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
