package com.partpal.db.adapters.cli;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.verify.SnapshotBaseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads what verify --since-snapshot needs from a migrate report file. */
final class MigrateReports {
    private MigrateReports() {
    }

    static SnapshotBaseline snapshotOf(Path report) {
        try {
            return SnapshotBaseline.fromMigrateReport(Files.readString(report, StandardCharsets.UTF_8), report.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException("migrate report not found: " + report);
        } catch (IOException e) {
            throw new BadInputException("cannot read the migrate report " + report + ": " + e.getMessage());
        }
    }
}
