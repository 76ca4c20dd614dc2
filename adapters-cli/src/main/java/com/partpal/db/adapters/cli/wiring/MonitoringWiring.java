package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.adapters.postgres.PostgresMonitor;
import com.partpal.db.application.monitoring.ConfiguredDatabases;
import com.partpal.db.application.monitoring.MonitoringUseCase;
import com.partpal.db.application.port.monitoring.DatabaseMonitor;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Monitoring for `monitor` and the HTTP API: the databases configured by environment variables and properties. */
@Factory
public class MonitoringWiring {
    static final String PROPERTY_PREFIX = "partpal.databases";

    @Singleton
    @Bean(preDestroy = "close")
    PostgresMonitor postgresMonitor(@Value("${partpal.monitoring.max-pools:8}") int maxPools,
                                    @Value("${partpal.monitoring.pool-size:2}") int poolSize,
                                    @Value("${partpal.monitoring.idle-timeout:5m}") Duration idleTimeout,
                                    @Value("${partpal.monitoring.statement-timeout:30s}") Duration statementTimeout,
                                    @Value("${partpal.monitoring.lock-timeout:2s}") Duration lockTimeout) {
        return new PostgresMonitor(maxPools, poolSize, idleTimeout, statementTimeout, lockTimeout);
    }

    /** POSTGRES_URL, DATABASE_URL and SQLITE_URL (the CLI's defaults) as postgres, database and sqlite, then partpal.databases.NAME.url. */
    @Singleton
    ConfiguredDatabases configuredDatabases(Environment environment) {
        Map<String, String> databases = new LinkedHashMap<>();
        putIfSet(databases, "postgres", System.getenv(com.partpal.db.adapters.cli.Environment.POSTGRES_URL));
        putIfSet(databases, "database", System.getenv(com.partpal.db.adapters.cli.Environment.DATABASE_URL));
        putIfSet(databases, "sqlite", com.partpal.db.adapters.cli.Environment.sourceDefault());
        for (String name : environment.getPropertyEntries(PROPERTY_PREFIX)) {
            putIfSet(databases, name, environment.getProperty(PROPERTY_PREFIX + "." + name + ".url", String.class).orElse(null));
        }
        return new ConfiguredDatabases(databases);
    }

    @Singleton
    MonitoringUseCase monitoringUseCase(DatabaseMonitor monitor, ConfiguredDatabases configured) {
        return new MonitoringUseCase(monitor, configured);
    }

    private static void putIfSet(Map<String, String> databases, String name, String location) {
        if (location != null && !location.isBlank()) {
            databases.put(name, location.trim());
        }
    }
}
