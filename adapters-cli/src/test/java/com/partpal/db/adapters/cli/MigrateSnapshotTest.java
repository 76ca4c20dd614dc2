package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application writes to the source (WAL mode) all through a migrate with two jobs: each of its transactions adds a
 * row to both tables and moves a count from one table to the other, so a copy that read the tables at different
 * moments would not add up. The target must hold one moment of the source, and verify must find it identical.
 */
class MigrateSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void whatAnApplicationWritesDuringTheRunIsNotCopiedAndTheTablesAddUp() throws Exception {
        Path source = SqliteFiles.create(dir.resolve("live.db"), "PRAGMA journal_mode = WAL",
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, pad TEXT)",
                "CREATE TABLE order_lines (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, pad TEXT)",
                "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 120000)"
                        + " INSERT INTO orders (n, pad) SELECT 100, hex(randomblob(60)) FROM c",
                "INSERT INTO order_lines (n, pad) SELECT n, pad FROM orders");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong commits = new AtomicLong();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> write(source, stop, commits, writerFailure), "test-app-writer");
        writer.start();
        PostgresUrl target = SharedPostgres.freshDatabase();
        long commitsBefore;
        try {
            while (commits.get() < 20) {
                Thread.sleep(10);
            }
            commitsBefore = commits.get();
            CliRun run = CliRun.of("migrate", "--from", source.toString(), "--to", target.connectionString(),
                    "--jobs", "2", "--checkpoint-rows", "20000", "--report", dir.resolve("report.json").toString());
            assertEquals(0, run.exitCode(), run.all());
            assertTrue(run.out().contains("verification: identical"), run.out());
            assertTrue(run.out().contains("  source snapshot: "), run.out());
        } finally {
            stop.set(true);
            writer.join();
        }
        assertNull(writerFailure.get());
        assertTrue(commits.get() > commitsBefore + 20, "the application wrote during the run: " + commits.get());
        try (Connection c = MigrateCommandTest.connect(target); Statement s = c.createStatement()) {
            long orders = single(s, "SELECT count(*) FROM orders");
            assertEquals(orders, single(s, "SELECT count(*) FROM order_lines"));
            // every transaction keeps the sum of both tables' counts at 200 per order (a unit moved stays in the sum)
            assertEquals(200 * orders, single(s, "SELECT (SELECT sum(n) FROM orders) + (SELECT sum(n) FROM order_lines)"));
            try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + source); Statement q = sqlite.createStatement()) {
                assertTrue(single(q, "SELECT count(*) FROM orders") > orders, "later writes are not in the target");
            }
        }
    }

    /** Each transaction: one new row in each table, and one unit moved from an order to its line. */
    private static void write(Path source, AtomicBoolean stop, AtomicLong commits, AtomicReference<Throwable> failure) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            for (long k = 1; !stop.get(); k++) {
                long id = 1 + k % 100_000;
                s.execute("BEGIN IMMEDIATE");
                s.execute("INSERT INTO orders (n, pad) VALUES (100, 'written during the run')");
                s.execute("INSERT INTO order_lines (n, pad) VALUES (100, 'written during the run')");
                s.execute("UPDATE orders SET n = n - 1 WHERE id = " + id);
                s.execute("UPDATE order_lines SET n = n + 1 WHERE id = " + id);
                s.execute("COMMIT");
                commits.incrementAndGet();
                Thread.sleep(2);
            }
        } catch (SQLException | InterruptedException | RuntimeException e) {
            failure.set(e);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
