package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.files.ReportFiles;
import com.partpal.db.adapters.postgres.EmbeddedPostgres;
import com.partpal.db.application.migrate.MigrateRequest;
import com.partpal.db.application.verify.MigrateThenVerify;
import com.partpal.db.application.port.OnExisting;
import com.partpal.db.application.port.SampleDataWriter;
import com.partpal.db.domain.plan.PlanOptions;
import com.partpal.db.domain.report.Outcome;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts a throwaway PostgreSQL, writes sample PartPal data (with a few planted bad rows),",
                "migrates it, prints the summary and where the report and rejects are, and cleans up."})
final class DemoCommand implements Callable<Integer> {
    private final SampleDataWriter sampleWriter;
    private final MigrateThenVerify migrateThenVerify;

    @Inject
    DemoCommand(SampleDataWriter sampleWriter, MigrateThenVerify migrateThenVerify) {
        this.sampleWriter = sampleWriter;
        this.migrateThenVerify = migrateThenVerify;
    }

    @Option(names = "--rows", defaultValue = "20000", description = "Rows in the largest tables (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--clean", description = "Sample data without planted bad values.")
    boolean clean;

    @Option(names = "--out", defaultValue = "partpal-db-demo", description = "Where the report and rejects are kept (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("partpal-db-demo");
        try (EmbeddedPostgres postgres = startPostgres(out)) {
            Path sqlite = work.resolve("partpal-sample.db");
            out.printf("writing sample PartPal data (%d rows in the largest tables%s) to %s%n", rows,
                    clean ? "" : ", a few planted bad rows", sqlite);
            sampleWriter.write(sqlite, rows, !clean);
            Path report = outDir.resolve("migrate-report.json");
            Path rejects = ReportFiles.rejectsNextTo(report);
            MigrateRequest request = new MigrateRequest(sqlite.toString(), postgres.url().connectionString(),
                    new PlanOptions(Set.of(), List.of(), List.of()), MigrateRequest.DEFAULT_JOBS,
                    MigrateRequest.DEFAULT_BATCH_SIZE, OnExisting.FAIL, false, true);
            Outcome outcome = MigrateCommand.runToFiles(migrateThenVerify, request, report, rejects, false, out).outcome();
            if (outcome == Outcome.COMPLETED_WITH_REJECTS) {
                out.println("the rejected rows are the planted bad values: each line of the rejects file names the"
                        + " table, key, column and reason, with the raw source row.");
            }
            out.println("demo finished: the throwaway PostgreSQL is stopped and removed.");
            boolean expected = clean ? outcome == Outcome.COPIED_ALL : outcome == Outcome.COMPLETED_WITH_REJECTS;
            return expected ? 0 : 1;
        } finally {
            deleteTree(work);
        }
    }

    private static EmbeddedPostgres startPostgres(PrintStream out) {
        out.println("starting a throwaway PostgreSQL on 127.0.0.1 ...");
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        out.println("PostgreSQL is up at " + postgres.url().masked());
        return postgres;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
