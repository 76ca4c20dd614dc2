package com.partpal.db.application.jobs;

import com.partpal.db.domain.connection.PostgresUrl;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What a job writes: {@code shown} is how the API names it (no user, no password); a PostgreSQL database
 * ({@code postgres}) or a file or directory ({@code path}, absolute). Two jobs conflict when their targets have the
 * same identity ({@link TargetIdentity}), so that two spellings of one database are one target.
 */
public record JobTarget(String shown, PostgresUrl postgres, Path path) {
    /** A target known by its text only (its identity is that text). */
    public static JobTarget named(String shown) {
        return new JobTarget(shown, null, null);
    }

    /** The identity without asking the network or the file system: lower-case host, or the normalized path. */
    public String lexicalIdentity() {
        if (postgres != null) {
            return "postgresql " + postgres.host().toLowerCase(Locale.ROOT) + ":" + postgres.port() + "/"
                    + postgres.database();
        }
        return path != null ? path.toAbsolutePath().normalize().toString() : shown;
    }
}
