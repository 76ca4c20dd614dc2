package com.partpal.db.adapters.cli;

import com.partpal.db.application.ops.TuneUseCase;
import com.partpal.db.domain.ops.Tuning;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Recommends postgresql.conf settings for a web app's database from the machine (memory, cores,"
                + " storage) and the pool plan, next to the server's current values, with the reason for each.",
                "PostgreSQL does not report its machine's memory or cores: they are read from /proc when the role may,"
                + " taken from this machine for a loopback server, or given with --memory and --cores."})
final class TuneCommand implements Callable<Integer> {
    private final TuneUseCase useCase;
    private final JsonMapper json;

    @Inject
    TuneCommand(TuneUseCase useCase, JsonMapper json) {
        this.useCase = useCase;
        this.json = json;
    }

    @Option(names = "--db", paramLabel = "URL", description = "The server (default: $POSTGRES_URL or $DATABASE_URL; none with --memory and --cores).")
    String db;

    @Option(names = "--memory", paramLabel = "SIZE", description = "Memory for PostgreSQL's machine, e.g. 8GB.")
    String memory;

    @Option(names = "--cores", paramLabel = "N", description = "CPU cores of PostgreSQL's machine.")
    Integer cores;

    @Option(names = "--storage", paramLabel = "ssd|hdd", description = "The data directory's storage (default: ssd).")
    Tuning.Storage storage;

    @Option(names = "--app-instances", paramLabel = "N", defaultValue = "1", description = "App instances, for the pool plan (default: 1).")
    int appInstances;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean asJson;

    @Option(names = "--alter-system", paramLabel = "FILE", description = "Write an ALTER SYSTEM script (run it as a superuser; '-' prints it).")
    String alterSystem;

    @Override
    public Integer call() throws IOException {
        String location = memory != null && cores != null ? db : Environment.orDefault(db, Environment.targetDefault());
        TuneUseCase.Report report = useCase.tune(new TuneUseCase.Request(location,
                memory == null ? null : Tuning.parseSize(memory), cores, storage, appInstances));
        System.out.println(asJson ? json.writeValueAsString(report) : text(report));
        if ("-".equals(alterSystem)) {
            System.out.print(TuneUseCase.alterSystemScript(report));
        } else if (alterSystem != null) {
            Files.writeString(Path.of(alterSystem), TuneUseCase.alterSystemScript(report));
            System.err.println("wrote " + alterSystem);
        }
        return 0;
    }

    static String text(TuneUseCase.Report report) {
        StringBuilder out = new StringBuilder();
        if (report.server() != null) {
            out.append("server: ").append(report.server()).append('\n');
        }
        out.append("machine: memory ").append(report.memory()).append(" (").append(report.memorySource()).append("), cores ")
                .append(report.cores()).append(" (").append(report.coresSource()).append("), storage ")
                .append(report.storage()).append('\n');
        out.append(String.format("%-32s %-12s %-12s %s%n", "setting", "current", "recommended", "why"));
        for (TuneUseCase.Row row : report.settings()) {
            String current = row.current() == null ? "-" : row.current();
            String marker = row.current() != null && !row.current().equals(row.recommended()) ? "*" : " ";
            out.append(String.format("%-32s %-12s %s%-11s %s%s%n", row.name(), current, marker, row.recommended(),
                    row.reason(), row.restart() ? " (restart)" : ""));
        }
        out.append("* differs from the current value; --alter-system FILE writes the ALTER SYSTEM script");
        return out.toString();
    }
}
