package com.partpal.db.adapters.cli;

import com.partpal.db.application.migrate.PlanReport;
import com.partpal.db.application.migrate.PlanUseCase;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Shows the discovered schema, the type mapping, the load order and a census of the stored values.")
final class PlanCommand implements Callable<Integer> {
    @Inject
    PlanUseCase useCase;

    @Option(names = "--from", paramLabel = "SQLITE", description = "SQLite file or URL (default: $SQLITE_URL).")
    String from;

    @Mixin
    TableSelection selection;

    @Override
    public Integer call() {
        PlanReport report = useCase.plan(Environment.orDefault(from, Environment.sourceDefault()), selection.toOptions());
        PrintStream out = System.out;
        out.println("source: " + report.source());
        PlanPrinter.print(report.plan(), report.census(), out);
        return 0;
    }
}
