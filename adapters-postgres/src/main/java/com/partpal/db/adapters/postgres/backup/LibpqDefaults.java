package com.partpal.db.adapters.postgres.backup;

import com.partpal.db.domain.connection.PostgresUrl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What libpq would take from the environment when the URL does not say: PGUSER (else the login name), PGPASSWORD,
 * then the password file (PGPASSFILE, else ~/.pgpass), PGSSLMODE, PGSSLROOTCERT, PGSSLCERT and PGSSLKEY. So our own
 * JDBC connections reach the server as pg_dump, pg_restore and psql do.
 */
final class LibpqDefaults {
    /** URL parameters that libpq reads from the environment variable of the same name in upper case with PG. */
    static final Map<String, String> FILE_PARAMETERS = Map.of("sslrootcert", "PGSSLROOTCERT", "sslcert", "PGSSLCERT",
            "sslkey", "PGSSLKEY", "passfile", "PGPASSFILE");

    private LibpqDefaults() {
    }

    static PostgresUrl resolve(PostgresUrl url, Map<String, String> env) {
        String user = url.user() != null ? url.user() : orElse(env.get("PGUSER"), System.getProperty("user.name"));
        String password = url.password() != null ? url.password() : blankToNull(env.get("PGPASSWORD"));
        if (password == null) {
            password = PgPassFile.password(env, url.host(), url.port(), url.database(), user);
        }
        String sslmode = url.sslmode() != null ? url.sslmode() : blankToNull(env.get("PGSSLMODE"));
        Map<String, String> params = new LinkedHashMap<>(url.otherParams());
        FILE_PARAMETERS.forEach((param, variable) -> {
            String fromEnv = blankToNull(env.get(variable));
            if (!params.containsKey(param) && fromEnv != null && !"passfile".equals(param)) {
                params.put(param, fromEnv);
            }
        });
        return new PostgresUrl(url.host(), url.port(), url.database(), user, password, url.schema(),
                url.connectionLimit(), url.poolTimeoutSeconds(), url.connectTimeoutSeconds(),
                sslmode == null ? null : sslmode.toLowerCase(java.util.Locale.ROOT), url.pgbouncer(), params);
    }

    private static String orElse(String value, String fallback) {
        return blankToNull(value) != null ? value : fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
