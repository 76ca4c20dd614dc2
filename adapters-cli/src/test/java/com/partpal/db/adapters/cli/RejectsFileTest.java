package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rejects file named with --rejects exists after every finished run, empty when nothing was rejected. */
class RejectsFileTest {
    @TempDir
    Path dir;

    @Test
    void anAskedForRejectsFileIsWrittenEmptyAndVerifyAcceptsIt() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("clean.db"),
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
                "INSERT INTO notes (body) VALUES ('a'), ('b')");
        Path rejects = dir.resolve("out/rejects.jsonl");
        Path report = dir.resolve("report.json");
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(),
                "--rejects", rejects.toString(), "--report", report.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(Files.exists(rejects), run.all());
        assertEquals(0, Files.size(rejects));
        assertTrue(Files.readString(report).contains("\"rejectsFile\":\"" + rejects.toAbsolutePath().normalize() + "\""));
        assertTrue(run.out().contains("(empty: no row was rejected)"), run.out());
        CliRun verify = CliRun.of("verify", "--from", db.toString(), "--to", target.connectionString(),
                "--rejects", rejects.toString());
        assertEquals(0, verify.exitCode(), verify.all());
    }

    @Test
    void aStaleRejectsFileFromAnEarlierRunIsEmptied() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("clean.db"), "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)",
                "INSERT INTO t (n) VALUES (1)");
        Path rejects = Files.writeString(dir.resolve("old.jsonl"), "{\"table\":\"t\"}\n");
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", SharedPostgres.freshDatabase().connectionString(),
                "--rejects", rejects.toString(), "--report", dir.resolve("r.json").toString());
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(0, Files.size(rejects));
    }

    @Test
    void withoutRejectsOptionNoEmptyFileIsLeftAndBadInputLeavesNone() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("clean.db"), "CREATE TABLE t (id INTEGER PRIMARY KEY)",
                "INSERT INTO t DEFAULT VALUES");
        Path report = dir.resolve("r.json");
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", SharedPostgres.freshDatabase().connectionString(),
                "--report", report.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertFalse(Files.exists(dir.resolve("r-rejects.jsonl")));
        Path asked = dir.resolve("bad-input-rejects.jsonl");
        CliRun bad = CliRun.of("migrate", "--from", dir.resolve("missing.db").toString(), "--to",
                SharedPostgres.freshDatabase().connectionString(), "--rejects", asked.toString());
        assertEquals(2, bad.exitCode(), bad.all());
        assertFalse(Files.exists(asked));
    }
}
