package com.partpal.db.adapters.cli;

import com.partpal.db.application.monitoring.HealthUseCase;
import com.partpal.db.application.monitoring.MonitoringUseCase;
import com.partpal.db.application.port.monitoring.DatabaseMonitoring;
import com.partpal.db.application.port.monitoring.PostgresMonitoring;
import com.partpal.db.domain.connection.Secrets;
import com.partpal.db.domain.ops.HealthCheck;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Shows a database's figures: for PostgreSQL connections by state, size, largest tables, cache hit"
                + " ratio, slow queries (pg_stat_statements), partpal-db's pool, and health: connection use, long-running"
                + " and idle-in-transaction sessions, lock waits, dead tuples, bloat estimates, autovacuum age, xid age,"
                + " replication lag and the newest backup's age; for SQLite size, pages and row counts.",
                "The same as GET /api/monitoring. --check judges the health figures against thresholds, Nagios style:"
                        + " one line, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN."})
final class MonitorCommand implements Callable<Integer> {
    static final String SERVICE = "PARTPAL-DB";

    @Inject
    MonitoringUseCase useCase;

    @Inject
    HealthUseCase health;

    @Inject
    JsonMapper json;

    @Option(names = "--db", paramLabel = "URL",
            description = "PostgreSQL URL, SQLite file or configured name (default: $POSTGRES_URL or $DATABASE_URL).")
    String db;

    @Option(names = "--json", description = "Print the figures as JSON (the HTTP API's body, with the health added).")
    boolean asJson;

    @Option(names = "--check", description = "Print one Nagios-style line naming what is wrong and exit 0/1/2/3 (OK/WARNING/CRITICAL/UNKNOWN).")
    boolean check;

    @Option(names = "--threshold", paramLabel = "NAME=WARN:CRIT", description = "Override a threshold, e.g. backup_age_hours=26:50 (repeatable).")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--backup-dir", paramLabel = "DIR", description = "The backup catalogue for backup_age_hours (default: $PARTPAL_BACKUP_DIR, else ./backups; given, no good backup is CRITICAL).")
    Path backupDir;

    @Override
    public Integer call() throws IOException {
        String database = Environment.orDefault(db, Environment.targetDefault());
        if (check) {
            return check(database);
        }
        DatabaseMonitoring figures = useCase.inspect(database);
        HealthUseCase.Report report = figures instanceof PostgresMonitoring
                ? health.check(database, HealthCheck.thresholds(thresholds), backupDir) : null;
        if (asJson) {
            Map<String, Object> body = json.readValue(json.writeValueAsBytes(figures), Argument.mapOf(String.class, Object.class));
            if (report != null) {
                body.put("health", Map.of("status", report.status(), "measurements", report.measurements(), "figures", report.figures()));
            }
            System.out.println(json.writeValueAsString(body));
        } else {
            System.out.println(MonitorPrinter.text(figures) + (report == null ? "" : "\n" + HealthPrinter.text(report)));
        }
        return 0;
    }

    private int check(String database) {
        try {
            HealthUseCase.Report report = health.check(database, HealthCheck.thresholds(thresholds), backupDir);
            System.out.println(HealthCheck.nagios(SERVICE, report.measurements()));
            return ExitCodes.of(report.status());
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            System.out.println(SERVICE + " UNKNOWN - " + Secrets.mask(message));
            return ExitCodes.of(HealthCheck.Status.UNKNOWN);
        }
    }
}
