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

    @Override
    public Integer call() {
        PrintStream out = System.out;
        if (maxDiffs < 0) {
            throw new BadInputException("--max-diffs must not be negative");
        }
        VerificationReport report = useCase.verify(new VerifyRequest(
                endpoints.source(),
                endpoints.target(), selection.toOptions(),
                JsonLinesRejectsReader.read(rejectsFile), maxDiffs, Math.max(1, jobs)));
        Path file = reportFile != null ? reportFile : ReportFiles.defaultReport("verify");
        ReportFiles.write(file, report.toJson());
        print(report, out);
        out.println("  report: " + file.toAbsolutePath().normalize());
        return ExitCodes.of(report);
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
            t.differences().stream().filter(d -> d.kind() != RowDifference.Kind.REJECTED_AS_EXPECTED).limit(5)
                    .forEach(d -> out.println("      " + d.kind().name().toLowerCase() + " " + d.key()
                            + (d.cells().isEmpty() ? "" : " " + d.cells())));
        }
        for (SchemaDifference d : r.schemaDifferences()) {
            out.println("  schema: " + d);
        }
    }
}
