package com.partpal.db.adapters.cli;

import com.partpal.db.application.port.monitoring.DatabaseMonitoring;
import com.partpal.db.application.monitoring.MonitoringUseCase;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Shows a database's figures: for PostgreSQL connections by state, size, largest tables, cache hit"
                + " ratio, slow queries (pg_stat_statements) and partpal-db's pool; for SQLite size, pages and row counts.",
                "The same as GET /api/monitoring."})
final class MonitorCommand implements Callable<Integer> {
    @Inject
    MonitoringUseCase useCase;

    @Inject
    JsonMapper json;

    @Option(names = "--db", paramLabel = "URL",
            description = "PostgreSQL URL, SQLite file or configured name (default: $POSTGRES_URL or $DATABASE_URL).")
    String db;

    @Option(names = "--json", description = "Print the figures as JSON (the HTTP API's body).")
    boolean asJson;

    @Override
    public Integer call() throws IOException {
        DatabaseMonitoring figures = useCase.inspect(Environment.orDefault(db, Environment.targetDefault()));
        System.out.println(asJson ? json.writeValueAsString(figures) : MonitorPrinter.text(figures));
        return 0;
    }
}
