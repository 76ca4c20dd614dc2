package com.partpal.db.adapters.postgres.testing;

import com.partpal.db.adapters.postgres.EmbeddedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;

import java.util.concurrent.atomic.AtomicInteger;

/** One embedded PostgreSQL per test JVM, started on first use and stopped when the JVM exits. */
public final class SharedPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private SharedPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = EmbeddedPostgres.start();
        }
        return server;
    }

    /** A new, empty database with a unique name. */
    public static PostgresUrl freshDatabase() {
        return server().createDatabase("test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet());
    }
}
