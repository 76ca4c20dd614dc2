package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.adapters.postgres.PostgresMonitor;
import com.partpal.db.adapters.sqlite.SqliteMonitor;
import com.partpal.db.application.port.monitoring.DatabaseMonitoring;
import com.partpal.db.application.port.monitoring.DatabaseMonitor;
import com.partpal.db.domain.connection.PostgresUrl;

import java.time.Duration;
import java.util.Optional;

/** Chooses the monitor from the location's form, like {@link UrlDatabaseConnector}: PostgreSQL URLs, else SQLite. */
final class UrlDatabaseMonitor implements DatabaseMonitor {
    private final PostgresMonitor postgres;
    private final SqliteMonitor sqlite;

    UrlDatabaseMonitor(PostgresMonitor postgres, SqliteMonitor sqlite) {
        this.postgres = postgres;
        this.sqlite = sqlite;
    }

    @Override
    public Optional<String> ping(String location, Duration timeout) {
        return choose(location).ping(location, timeout);
    }

    @Override
    public DatabaseMonitoring inspect(String location) {
        return choose(location).inspect(location);
    }

    private DatabaseMonitor choose(String location) {
        return PostgresUrl.looksLikePostgres(location) ? postgres : sqlite;
    }
}
