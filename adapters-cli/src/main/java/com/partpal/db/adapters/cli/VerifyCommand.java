package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.files.JsonLinesRejectsReader;
import com.partpal.db.adapters.files.ReportFiles;
import com.partpal.db.application.verify.VerifyRequest;
import com.partpal.db.application.verify.VerifyUseCase;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.verify.RowDifference;
import com.partpal.db.domain.verify.SchemaDifference;
import com.partpal.db.domain.verify.TableVerification;
import com.partpal.db.domain.verify.VerificationReport;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Proves the target holds exactly the source's data (after migrate's conversion rules) and "
                + "names every row and schema object that differs.",
                "Exit codes: 0 identical (apart from rows the rejects file lists), 1 differences found, "
                        + "2 bad usage or input."})
final class VerifyCommand implements Callable<Integer> {
    private final VerifyUseCase useCase;

    @Inject
    VerifyCommand(VerifyUseCase useCase) {
        this.useCase = useCase;
    }

    @Mixin
    SourceAndTarget endpoints;

    @Mixin
    TableSelection selection;

    @Option(names = "--rejects", paramLabel = "FILE", description = "A migrate rejects file: its rows are expected to be missing.")
    Path rejectsFile;

    @Option(names = "--report", paramLabel = "FILE", description = "JSON report (default: partpal-db-reports/verify-<time>.json).")
    Path reportFile;

    @Option(names = "--max-diffs", defaultValue = "" + VerifyRequest.DEFAULT_MAX_DIFFS, paramLabel = "N",
            description = "Differences listed per table; all are counted (default: ${DEFAULT-VALUE}).")
    int maxDiffs;

    @Option(names = "--jobs", defaultValue = "" + VerifyRequest.DEFAULT_JOBS, description = "Tables compared at once (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--since-snapshot", paramLabel = "MIGRATE_REPORT", description = "Also compare the source with the "
            + "snapshot the migrate run of this report copied: per table whether the app changed it since (if not, "
            + "every difference is the copy's), and which missing rows were inserted after the snapshot.")
    Path snapshotReport;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        if (maxDiffs < 0) {
            throw new BadInputException("--max-diffs must not be negative");
        }
        VerifyRequest request = new VerifyRequest(endpoints.source(), endpoints.target(), selection.toOptions(),
                JsonLinesRejectsReader.read(rejectsFile), maxDiffs, Math.max(1, jobs));
        VerificationReport report = snapshotReport == null ? useCase.verify(request)
                : useCase.verify(request, MigrateReports.snapshotOf(snapshotReport));
        Path file = reportFile != null ? reportFile : ReportFiles.defaultReport("verify");
        ReportFiles.write(file, report.toJson());
        print(report, out);
        out.println("  report: " + file.toAbsolutePath().normalize());
        return ExitCodes.of(report);
    }

    /** What the snapshot says about a differing table's differences. */
    static String sinceSnapshot(TableVerification t) {
        TableVerification.SinceSnapshot since = t.sinceSnapshot();
        if (!since.inSnapshot()) {
            return "since the snapshot: the table is not in the migrate report, so nothing tells its differences apart";
        }
        if (since.unchanged()) {
            return "since the snapshot: the source table is unchanged, so the copy is wrong in every difference";
        }
        long other = since.unexplained(t);
        return "since the snapshot: the app changed this table; " + since.insertedAfter() + " missing row(s) were"
                + " inserted after it" + (other == 0 ? "" : ", " + other + " other difference(s) are rows changed or"
                + " deleted after it, or copied wrong (the table's checksum cannot tell which)");
    }

    /** A short summary: per table one line, then the schema differences and the first listed rows. */
    static void print(VerificationReport r, PrintStream out) {
        out.printf("verified %d tables of %s against %s: %s%n", r.tables().size(), r.source(), r.target(),
                r.identical() ? "identical" : "DIFFERENT");
        for (TableVerification t : r.tables()) {
            out.printf("  %-28s %s  source %d, target %d%s%s%n", t.table(), t.identical() ? "ok  " : "DIFF",
                    t.sourceRows(), t.targetRows(),
                    t.expectedMissing() == 0 ? "" : ", " + t.expectedMissing() + " rejected by migrate",
                    t.identical() ? "" : ", " + t.missingInTarget() + " missing, " + t.unexpectedInTarget()
                            + " unexpected, " + t.changed() + " changed");
            if (t.sinceSnapshot() != null && !t.identical()) {
                out.println("      " + sinceSnapshot(t));
            }
            t.differences().stream().filter(d -> d.kind() != RowDifference.Kind.REJECTED_AS_EXPECTED).limit(5)
                    .forEach(d -> out.println("      " + d.kind().name().toLowerCase() + " " + d.key()
                            + (d.cells().isEmpty() ? "" : " " + d.cells())
                            + (d.note() != null && d.note().startsWith("inserted after") ? ": " + d.note() : "")));
        }
        for (SchemaDifference d : r.schemaDifferences()) {
            out.println("  schema: " + d);
        }
    }
}
