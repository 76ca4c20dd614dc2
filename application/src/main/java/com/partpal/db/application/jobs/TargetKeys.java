package com.partpal.db.application.jobs;

import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.connection.SqliteLocation;

import java.nio.file.Path;

/**
 * How jobs name what they write, so that the registry refuses a second job on the same thing whatever its kind:
 * host:port/database for PostgreSQL (no user, no password), the absolute file path for SQLite, "catalogue DIR" for a
 * backup catalogue.
 */
final class TargetKeys {
    private TargetKeys() {
    }

    static String database(String location) {
        if (PostgresUrl.looksLikePostgres(location)) {
            PostgresUrl url = PostgresUrl.parse(location);
            return url.host() + ":" + url.port() + "/" + url.database();
        }
        return Path.of(SqliteLocation.parse(location).path()).toAbsolutePath().normalize().toString();
    }

    static String catalogue(Path directory) {
        return "catalogue " + directory;
    }
}
