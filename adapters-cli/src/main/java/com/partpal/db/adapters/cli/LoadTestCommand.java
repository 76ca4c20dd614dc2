package com.partpal.db.adapters.cli;

import com.partpal.db.application.ops.LoadTestUseCase;
import com.partpal.db.domain.ops.Latencies;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = {"Runs a PartPal-like read/write mix (read a part, search by name, category counts, add a part,"
                + " change stock; prepared statements, one transaction each) at a given concurrency, directly or through"
                + " PgBouncer (pgbouncer=true), and prints throughput and latency percentiles, to check a pool plan.",
                "It works in a new schema partpal_loadtest_<random> that it drops at the end; nothing else is touched."})
final class LoadTestCommand implements Callable<Integer> {
    private final LoadTestUseCase useCase;
    private final JsonMapper json;

    @Inject
    LoadTestCommand(LoadTestUseCase useCase, JsonMapper json) {
        this.useCase = useCase;
        this.json = json;
    }

    @Option(names = "--db", paramLabel = "URL", description = "The database (default: $POSTGRES_URL or $DATABASE_URL); through PgBouncer: a URL with pgbouncer=true.")
    String db;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "8", description = "Concurrent clients (default: 8).")
    int clients;

    @Option(names = "--connections", paramLabel = "N", description = "Pool size (default: the URL's connection_limit, else --clients).")
    Integer connections;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "10", description = "How long to run (default: 10).")
    int seconds;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "10000", description = "Parts created first (default: 10000).")
    int rows;

    @Option(names = "--write-percent", paramLabel = "P", defaultValue = "20", description = "Share of writes (default: 20).")
    int writePercent;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean asJson;

    @Override
    public Integer call() throws IOException {
        String location = Environment.requiredTarget(db);
        Integer limit = com.partpal.db.domain.connection.PostgresUrl.parse(location).connectionLimit();
        int pool = connections != null ? connections : limit != null ? limit : clients;
        LoadTestUseCase.Report report = useCase.run(new LoadTestUseCase.Request(location, clients, pool,
                Duration.ofSeconds(seconds), rows, writePercent, 20261203L), line -> System.err.println("-- " + line));
        System.out.println(asJson ? json.writeValueAsString(report) : text(report));
        return report.errors() > 0 ? FailureHandler.FAILED : 0;
    }

    static String text(LoadTestUseCase.Report r) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d clients on %d connections for %.1f s:"
                + " %d operations, %.1f/s, %d errors%n", r.clients(), r.connections(), r.seconds(), r.operations(),
                r.perSecond(), r.errors()));
        if (r.firstError() != null) {
            out.append("first error: ").append(r.firstError()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "%-16s %9s %9s %9s %9s %9s%n", "operation", "count", "p50 ms", "p95 ms", "p99 ms", "max ms"));
        for (Latencies l : r.latencies()) {
            out.append(String.format(Locale.ROOT, "%-16s %9d %9.2f %9.2f %9.2f %9.2f%n", l.operation(), l.count(), l.p50(),
                    l.p95(), l.p99(), l.max()));
        }
        return out.toString().stripTrailing();
    }
}
