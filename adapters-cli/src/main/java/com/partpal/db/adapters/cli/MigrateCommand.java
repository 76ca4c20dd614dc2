package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.files.JsonLinesRejectsFile;
import com.partpal.db.adapters.files.ReportFiles;
import com.partpal.db.adapters.cli.progress.Figures;
import com.partpal.db.adapters.cli.progress.Progress;
import com.partpal.db.application.migrate.MigrateRequest;
import com.partpal.db.application.migrate.MigrateResult;
import com.partpal.db.application.migrate.MigrateUseCase;
import com.partpal.db.application.migrate.MigrationCancelledException;
import com.partpal.db.application.migrate.ResumableRunException;
import com.partpal.db.domain.connection.Secrets;
import com.partpal.db.application.port.OnExisting;
import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.application.verify.MigrateThenVerify;
import com.partpal.db.application.verify.VerifyRequest;
import com.partpal.db.domain.report.MigrationReport;
import com.partpal.db.domain.report.Outcome;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copies a SQLite database into PostgreSQL: schema, data (COPY), indexes, foreign keys, sequences.",
                "Exit codes: 0 all rows copied, 3 completed with rejected rows, 1 failed, 2 bad usage or input,",
                "130/143 stopped by Ctrl-C/SIGTERM (resumable with --resume)."})
final class MigrateCommand implements Callable<Integer> {
    @Inject
    MigrateUseCase useCase;

    @Inject
    MigrateThenVerify migrateThenVerify;

    @Mixin
    SourceAndTarget endpoints;

    @Mixin
    TableSelection selection;

    @Option(names = "--jobs", defaultValue = "" + MigrateRequest.DEFAULT_JOBS, description = "Tables loaded and indexes built at once (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--batch-size", defaultValue = "" + MigrateRequest.DEFAULT_BATCH_SIZE,
            description = "Rows between progress updates and cancellation checks (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--on-existing", defaultValue = "fail", paramLabel = "fail|truncate|drop",
            description = "A target table that already exists: fail (default; a non-empty one stops the run before anything is written), truncate, or drop.")
    OnExisting onExisting;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Rejected rows, JSON Lines (default: next to the report).")
    Path rejectsFile;

    @Option(names = "--report", paramLabel = "FILE", description = "JSON report (default: partpal-db-reports/migrate-<time>.json).")
    Path reportFile;

    @Option(names = "--dry-run", description = "Print the plan and DDL; write nothing.")
    boolean dryRun;

    @Option(names = "--no-verify", description = "Skip the verification that runs after the load (see verify).")
    boolean noVerify;

    @Option(names = "--resume", description = "Continue the interrupted run whose state the target keeps, each table from its last committed batch (same source and options).")
    boolean resume;

    @Option(names = "--retries", defaultValue = "" + MigrateRequest.DEFAULT_RETRIES,
            description = "Times a step that fails transiently (server restart, dropped connection, deadlock, too many connections, locked source) is tried again, with backoff; 0 never (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--checkpoint-rows", defaultValue = "" + MigrateRequest.DEFAULT_CHECKPOINT_ROWS,
            description = "Rows per committed batch of a table; an interrupted run resumes after the last one (default: ${DEFAULT-VALUE}).")
    long checkpointRows;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        MigrateRequest request = new MigrateRequest(endpoints.source(),
                endpoints.target(), selection.toOptions(), Math.max(1, jobs),
                Math.max(1, batchSize), onExisting, dryRun, !noVerify, resume, Math.max(0, retries),
                Math.max(1, checkpointRows));
        if (dryRun) {
            MigrateResult result = useCase.migrate(request, DiscardingRejects.INSTANCE, ProgressListener.NONE);
            PlanPrinter.print(result.plan(), out);
            out.println();
            out.println(result.ddl());
            return 0;
        }
        Path report = reportFile != null ? reportFile : ReportFiles.defaultReport("migrate");
        Path rejects = rejectsFile != null ? rejectsFile : ReportFiles.rejectsNextTo(report);
        try (StopOnSignal stop = StopOnSignal.install()) {
            try {
                return ExitCodes.of(runToFiles(migrateThenVerify, request, report, rejects, rejectsFile != null, out, stop).outcome());
            } catch (RuntimeException e) {
                if (e instanceof MigrationCancelledException || e instanceof ResumableRunException) {
                    System.err.println(Secrets.mask(e.getMessage()));
                    System.err.println("to continue where it stopped:");
                    System.err.println("  " + ResumeCommand.of(spec.commandLine().getParseResult().originalArgs()));
                    System.err.flush();
                    if (stop.signalled()) {
                        return stop.exitCode();
                    }
                }
                throw e;
            }
        }
    }

    /** Runs migrate (and verify) with live progress, writes the report and rejects files, prints the summary. */
    static MigrationReport runToFiles(MigrateThenVerify migrateThenVerify, MigrateRequest request, Path report,
                                      Path rejects, boolean rejectsAsked, PrintStream out) {
        return runToFiles(migrateThenVerify, request, report, rejects, rejectsAsked, out,
                () -> Thread.currentThread().isInterrupted());
    }

    private static MigrationReport runToFiles(MigrateThenVerify migrateThenVerify, MigrateRequest request, Path report,
                                              Path rejects, boolean rejectsAsked, PrintStream out,
                                              BooleanSupplier cancelled) {
        ProgressListener progress = Progress.forOutput(out);
        MigrateResult result;
        try (JsonLinesRejectsFile sink = new JsonLinesRejectsFile(rejects, rejectsAsked)) {
            result = migrateThenVerify.run(request, sink, progress, VerifyRequest.DEFAULT_MAX_DIFFS, cancelled);
            sink.writeIfEmpty();
        } finally {
            Progress.close(progress);
        }
        ReportFiles.write(report, result.report().toJson());
        printSummary(result.report(), report, out);
        if (result.report().verification() != null) {
            out.println("  verification: " + (result.report().outcome() == Outcome.VERIFICATION_FAILED
                    ? "DIFFERENCES FOUND (see the report's verification)" : "identical"));
        }
        return result.report();
    }

    private static void printSummary(MigrationReport r, Path report, PrintStream out) {
        out.printf("migrated %d tables from %s to %s in %s%n", r.tables().size(), r.source(), r.target(),
                Figures.duration(r.totalSeconds()));
        out.printf("  %s rows copied, %s rejected%n", Figures.count(r.copiedRows()), Figures.count(r.rejectedRows()));
        if (r.snapshotAt() != null) {
            out.println("  source snapshot: " + r.snapshotAt() + (r.resumedFrom() == null ? ""
                    : " (resumed the run started " + r.resumedFrom() + ")"));
        }
        if (!r.notes().isEmpty()) {
            out.printf("  %d schema choices: renamed or left-out objects (listed in the report's schemaChoices)%n",
                    r.notes().size());
        }
        if (!r.skipped().isEmpty()) {
            out.printf("  %d objects not copied (listed in the report)%n", r.skipped().size());
        }
        out.println("  report:  " + report.toAbsolutePath().normalize());
        out.println("  rejects: " + (r.rejectsFile() == null ? "none"
                : r.rejectsFile() + (r.rejectedRows() == 0 ? " (empty: no row was rejected)" : "")));
    }
}
