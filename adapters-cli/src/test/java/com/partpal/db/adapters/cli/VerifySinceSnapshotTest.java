package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An app inserts and updates orders all through a migrate (WAL mode); afterwards verify --since-snapshot with the
 * run's report tells the rows the app wrote after the snapshot from rows the copy got wrong: orders changed since the
 * snapshot and names its later inserts, while a table the app never wrote is unchanged, so a difference planted in
 * the target there is the copy's.
 */
class VerifySinceSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void rowsWrittenAfterTheSnapshotAreToldApartFromRowsCopiedWrong() throws Exception {
        Path source = SqliteFiles.create(dir.resolve("live.db"), "PRAGMA journal_mode = WAL",
                "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, pad TEXT)",
                "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 500)"
                        + " INSERT INTO customers (name) SELECT 'customer ' || i FROM c",
                "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 60000)"
                        + " INSERT INTO orders (n, pad) SELECT 100, hex(randomblob(40)) FROM c");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong commits = new AtomicLong();
        Thread writer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                for (long k = 1; !stop.get(); k++) {
                    s.execute("INSERT INTO orders (n, pad) VALUES (1, 'written during the run')");
                    s.execute("UPDATE orders SET n = n + 1 WHERE id = " + (1 + k % 50_000));
                    commits.incrementAndGet();
                    Thread.sleep(2);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "test-app-writer");
        writer.start();
        PostgresUrl target = SharedPostgres.freshDatabase();
        Path report = dir.resolve("migrate.json");
        try {
            while (commits.get() < 20) {
                Thread.sleep(10);
            }
            CliRun migrate = CliRun.of("migrate", "--from", source.toString(), "--to", target.connectionString(),
                    "--report", report.toString());
            assertEquals(0, migrate.exitCode(), migrate.all());
            Thread.sleep(300); // the app goes on writing after the run too
        } finally {
            stop.set(true);
            writer.join();
        }
        long copied;
        long now;
        try (Connection c = MigrateCommandTest.connect(target); Statement s = c.createStatement()) {
            copied = single(s, "SELECT max(id) FROM orders");
            s.execute("UPDATE customers SET name = 'copied wrong' WHERE id = 7");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            now = single(s, "SELECT max(id) FROM orders");
        }
        assertTrue(now > copied, "the app inserted after the snapshot: " + now + " > " + copied);

        CliRun plain = CliRun.of("verify", "--from", source.toString(), "--to", target.connectionString(),
                "--report", dir.resolve("plain.json").toString());
        assertEquals(1, plain.exitCode(), plain.all());
        assertTrue(!plain.out().contains("since the snapshot"), plain.out());

        CliRun since = CliRun.of("verify", "--from", source.toString(), "--to", target.connectionString(),
                "--since-snapshot", report.toString(), "--report", dir.resolve("since.json").toString(),
                "--max-diffs", "100000");
        assertEquals(1, since.exitCode(), since.all());
        String out = since.out();
        assertTrue(out.contains("since the snapshot: the source table is unchanged, so the copy is wrong in every"
                + " difference"), out);
        assertTrue(out.contains("since the snapshot: the app changed this table; " + (now - copied)
                + " missing row(s) were inserted after it, "), out);
        String json = Files.readString(dir.resolve("since.json"));
        assertTrue(json.contains("\"note\":\"inserted after the snapshot (rowid " + (copied + 1)
                + "; the highest at the snapshot was " + copied + ")\""), "the later rows are named");
        assertTrue(json.contains("\"sinceSnapshot\":{\"inSnapshot\":true,\"unchanged\":true,\"insertedAfter\":0}"), json);
        assertTrue(json.contains("\"sinceSnapshot\":{\"inSnapshot\":true,\"unchanged\":false,\"insertedAfter\":"
                + (now - copied) + "}"), json);

        Path noVerify = dir.resolve("no-verify.json");
        Files.writeString(noVerify, "{\"snapshotAt\":\"2026-12-03T10:00:00Z\",\"verification\":null}");
        CliRun refused = CliRun.of("verify", "--from", source.toString(), "--to", target.connectionString(),
                "--since-snapshot", noVerify.toString());
        assertEquals(2, refused.exitCode(), refused.all());
        assertEquals("error: " + noVerify + " holds no verification of the snapshot (the run used --no-verify or failed"
                + " before it): nothing to compare with\n", refused.err());
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
