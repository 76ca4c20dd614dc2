package com.partpal.db.adapters.http;

import com.partpal.db.application.monitoring.ConfiguredDatabases;
import com.partpal.db.application.monitoring.HealthUseCase;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.ops.HealthCheck;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * `monitor --check`'s figures as Prometheus gauges, per configured PostgreSQL database (its configured name is the
 * only label besides the check's: never a URL): partpal_db_health{database,check} is the measured value (NaN when
 * there is none), partpal_db_check_status{database,check} the verdict, 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
 * (the database could not be read). Each database is read at most once per {@link #MAX_AGE}, in the background: a
 * scrape never waits on a database (a hung one would hold /metrics for its timeouts), it shows the last reading,
 * UNKNOWN until the first one is in.
 */
@Singleton
@Requires(beans = HealthUseCase.class)
final class HealthMetrics implements MeterBinder {
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final HealthUseCase health;
    private final ConfiguredDatabases configured;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, Boolean> reading = new ConcurrentHashMap<>();
    private final ExecutorService readers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "partpal-health-metrics");
        thread.setDaemon(true);
        return thread;
    });

    HealthMetrics(HealthUseCase health, ConfiguredDatabases configured) {
        this.health = health;
        this.configured = configured;
    }

    private record Snapshot(long takenAtNanos, Map<String, HealthCheck.Measurement> measurements) {
        /** Before the first reading: older than any max age, nothing measured. */
        static final Snapshot NONE = new Snapshot(System.nanoTime() - Duration.ofDays(1).toNanos(), Map.of());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        configured.locations().forEach((name, location) -> {
            if (!PostgresUrl.looksLikePostgres(location)) {
                return;
            }
            for (String check : HealthCheck.DEFAULTS.keySet()) {
                Gauge.builder("partpal.db.health", () -> value(name, check)).tag("database", name).tag("check", check)
                        .description("The figure monitor --check judges").register(registry);
                Gauge.builder("partpal.db.check.status", () -> status(name, check)).tag("database", name).tag("check", check)
                        .description("monitor --check's verdict: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN").register(registry);
            }
        });
    }

    private double value(String database, String check) {
        HealthCheck.Measurement m = snapshot(database).measurements().get(check);
        return m == null || m.value() == null ? Double.NaN : m.value();
    }

    private double status(String database, String check) {
        HealthCheck.Measurement m = snapshot(database).measurements().get(check);
        return severity(m == null ? HealthCheck.Status.UNKNOWN : m.status());
    }

    /** The metric's value: Nagios's severity, 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the alert rules compare it). */
    private static double severity(HealthCheck.Status status) {
        return switch (status) {
            case OK -> 0;
            case WARNING -> 1;
            case CRITICAL -> 2;
            case UNKNOWN -> 3;
        };
    }

    private Snapshot snapshot(String database) {
        Snapshot last = snapshots.getOrDefault(database, Snapshot.NONE);
        if (System.nanoTime() - last.takenAtNanos() >= MAX_AGE.toNanos() && reading.putIfAbsent(database, true) == null) {
            readers.execute(() -> {
                try {
                    snapshots.put(database, read(database));
                } finally {
                    reading.remove(database);
                }
            });
        }
        return last;
    }

    private Snapshot read(String database) {
        Map<String, HealthCheck.Measurement> measurements = new ConcurrentHashMap<>();
        try {
            List<HealthCheck.Measurement> all = health.check(database, HealthCheck.DEFAULTS, null).measurements();
            all.forEach(m -> measurements.put(m.name(), m));
        } catch (RuntimeException e) {
            // unreachable or unreadable: every check of this database reports UNKNOWN
        }
        return new Snapshot(System.nanoTime(), measurements);
    }
}
