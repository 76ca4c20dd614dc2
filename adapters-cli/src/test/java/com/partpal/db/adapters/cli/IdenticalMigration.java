package com.partpal.db.adapters.cli;

import com.partpal.db.domain.connection.PostgresUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A migrate run through the CLI that must exit 0 and verify identical; gives its report's JSON. */
final class IdenticalMigration {
    private IdenticalMigration() {
    }

    static String report(Path db, PostgresUrl target, Path report, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("migrate", "--from", db.toString(), "--to",
                target.connectionString(), "--report", report.toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("verification: identical"), run.all());
        return Files.readString(report);
    }
}
