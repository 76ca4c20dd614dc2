package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.EmbeddedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real PostgreSQL restarted in the middle of a load (a server of its own): migrate retries and completes. */
class MigrateRetryTest {
    @TempDir
    Path dir;

    @Test
    void aServerRestartDuringTheLoadIsRetriedAndTheRunCompletesIdentical() throws Exception {
        Path source = dir.resolve("dirty.db");
        assertEquals(0, CliRun.of("sample", source.toString(), "--rows", "15000", "--dirty").exitCode());
        try (EmbeddedPostgres server = EmbeddedPostgres.start()) {
            PostgresUrl target = server.createDatabase("restarted");
            Path rejects = dir.resolve("rejects.jsonl");
            ChildCli child = ChildCli.start(dir.resolve("migrate.out"), "migrate", "--from", source.toString(),
                    "--to", target.connectionString(), "--jobs", "2", "--checkpoint-rows", "900", "--batch-size", "300",
                    "--report", dir.resolve("report.json").toString(), "--rejects", rejects.toString());
            assertTrue(child.awaitOutput("-- loading tables"), child.output());
            Thread.sleep(300);
            assertTrue(child.alive(), "the run ended before the restart: " + child.output());
            server.restart(Duration.ofSeconds(2));
            int exit = child.waitFor();
            String printed = child.output();
            assertEquals(3, exit, printed);
            assertTrue(printed.contains("-- retry 1 of 8 for "), printed);
            assertTrue(printed.contains("verification: identical"), printed);
            String report = Files.readString(dir.resolve("report.json"));
            assertTrue(report.contains("\"rejectedRows\":" + Files.readAllLines(rejects).size() + ","), report);
            MigrateResumeTest.assertNoBookkeeping(target.connectionString());
        }
    }
}
