package com.partpal.db.application.monitoring;

import com.partpal.db.application.port.monitoring.DatabaseMonitor;
import com.partpal.db.application.port.monitoring.DatabaseMonitoring;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.Secrets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Readiness of the configured databases and the figures of one database, for the CLI and the HTTP API alike. */
public final class MonitoringUseCase {
    public static final Duration PING_TIMEOUT = Duration.ofSeconds(3);

    private final DatabaseMonitor monitor;
    private final ConfiguredDatabases configured;

    public MonitoringUseCase(DatabaseMonitor monitor, ConfiguredDatabases configured) {
        this.monitor = monitor;
        this.configured = configured;
    }

    /** {@code database} is a configured name or a location (URL or SQLite file). */
    public DatabaseMonitoring inspect(String database) {
        if (database == null || database.isBlank()) {
            throw new BadInputException("no database given: a configured name " + configured.locations().keySet()
                    + " or a PostgreSQL URL or SQLite file");
        }
        return monitor.inspect(configured.resolve(database.trim()));
    }

    public Readiness readiness() {
        List<Readiness.DatabaseStatus> statuses = new ArrayList<>();
        for (Map.Entry<String, String> database : configured.locations().entrySet()) {
            Optional<String> failure = ping(database.getValue());
            statuses.add(new Readiness.DatabaseStatus(database.getKey(),
                    failure.isEmpty() ? Readiness.UP : Readiness.DOWN,
                    failure.map(reason -> Secrets.mask(reason.replace(database.getValue(), database.getKey())))
                            .orElse(null)));
        }
        boolean up = statuses.stream().allMatch(s -> s.status().equals(Readiness.UP));
        return new Readiness(up ? Readiness.UP : Readiness.DOWN, statuses);
    }

    private Optional<String> ping(String location) {
        try {
            return monitor.ping(location, PING_TIMEOUT);
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
