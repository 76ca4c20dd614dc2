package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `monitor`'s health figures and `monitor --check` against sessions and tables made to be unhealthy. */
class MonitorCheckTest {
    @TempDir
    Path dir;

    @Test
    void namesIdleTransactionsLockWaitsLongQueriesDeadTuplesBloatAndAMissingBackup() throws Exception {
        PostgresUrl url = SharedPostgres.freshDatabase();
        try (Connection c = PostgresPools.connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parts (id int PRIMARY KEY, note text)");
            s.execute("INSERT INTO parts SELECT g, repeat('x', 200) FROM generate_series(1, 10000) g");
            s.execute("DELETE FROM parts WHERE id % 10 < 6");
        } // closing the session flushes its statistics, which ANALYZE then corrects
        try (Connection c = PostgresPools.connect(url); Statement s = c.createStatement()) {
            s.execute("ANALYZE parts");
        }
        Path emptyCatalogue = Files.createDirectories(dir.resolve("backups"));
        try (Connection holder = PostgresPools.connect(url); Statement hold = holder.createStatement();
             Connection waiter = PostgresPools.connect(url); Statement wait = waiter.createStatement();
             Connection sleeper = PostgresPools.connect(url); Statement sleep = sleeper.createStatement()) {
            holder.setAutoCommit(false);
            hold.execute("LOCK TABLE parts IN ACCESS EXCLUSIVE MODE"); // then idle in transaction, holding the lock
            CompletableFuture<?> blocked = CompletableFuture.runAsync(() -> quietly(wait, "SELECT count(*) FROM parts"));
            CompletableFuture<?> slow = CompletableFuture.runAsync(() -> quietly(sleep, "SELECT pg_sleep(60)"));
            Thread.sleep(2500);

            CliRun check = CliRun.of("monitor", "--db", url.connectionString(), "--check", "--backup-dir",
                    emptyCatalogue.toString(), "--threshold", "idle_in_transaction_seconds=1:2",
                    "--threshold", "lock_wait_seconds=1:1000", "--threshold", "long_running_query_seconds=1:1000",
                    "--threshold", "dead_tuple_ratio=0.3:0.9");
            assertEquals(2, check.exitCode(), check.all());
            String line = check.out().strip();
            assertEquals(1, line.lines().count(), line);
            assertTrue(line.startsWith("PARTPAL-DB CRITICAL - idle_in_transaction_seconds "), line);
            assertTrue(line.contains("backup_age_hours none (no good backup of " + url.database() + " in " + emptyCatalogue + ")"), line);
            assertTrue(line.matches(".*lock_wait_seconds \\d+(\\.\\d+)? >= 1 \\(pid \\d+ user postgres blocked by \\[\\d+]\\).*"), line);
            assertTrue(line.contains("long_running_query_seconds "), line);
            assertTrue(line.matches(".*dead_tuple_ratio 0\\.600 >= 0\\.300 \\(public\\.parts 6000 dead of 10000\\).*"), line);
            assertFalse(check.all().contains(url.password()));
            assertTrue(line.matches(".*\\| connections_used_ratio=[0-9.]+;0\\.800;0\\.900 .*table_bloat_ratio=0\\.[5-6]\\d*;.*"), line);

            sleeper.createStatement().cancel();
            sleep.cancel();
            holder.rollback();
            blocked.join();
            slow.join();
        }
        // after the lock is gone: the size functions of the text view wait for an exclusively locked table
        CliRun text = CliRun.of("monitor", "--db", url.connectionString());
        assertEquals(0, text.exitCode(), text.all());
        assertTrue(text.out().contains("\nhealth: "), text.out());
        assertTrue(text.out().contains("  dead tuples: public.parts 6000 dead, 4000 live (60.0%), last vacuum never"), text.out());
        assertTrue(text.out().contains("  bloat (estimate): public.parts about "), text.out());
        assertTrue(text.out().contains("OK       replication_lag_seconds none (no replicas)"), text.out());
        CliRun json = CliRun.of("monitor", "--db", url.connectionString(), "--json");
        assertTrue(json.out().startsWith("{\"kind\":\"postgresql\""), json.out());
        assertTrue(json.out().contains("\"health\":{"), json.out());
        assertFalse((text.all() + json.all()).contains(url.password()));
    }

    @Test
    void aFreshBackupAndAQuietDatabaseAreOkAndAnUnreachableServerIsUnknown() {
        PostgresUrl url = SharedPostgres.freshDatabase();
        Path catalogue = dir.resolve("catalogue");
        CliRun backup = CliRun.of("backup", "--db", url.connectionString(), "--dir", catalogue.toString());
        assertEquals(0, backup.exitCode(), backup.all());

        CliRun ok = CliRun.of("monitor", "--db", url.connectionString(), "--check", "--backup-dir", catalogue.toString(),
                "--threshold", "long_running_query_seconds=1000:2000", "--threshold", "idle_in_transaction_seconds=1000:2000",
                "--threshold", "lock_wait_seconds=1000:2000");
        assertEquals(0, ok.exitCode(), ok.all());
        assertTrue(ok.out().startsWith("PARTPAL-DB OK - 10 checks ok | "), ok.out());
        assertTrue(ok.out().matches("(?s).* backup_age_hours=0(\\.0\\d\\d)?;26;50\\s*"), ok.out());

        CliRun stale = CliRun.of("monitor", "--db", url.connectionString(), "--check", "--backup-dir", catalogue.toString(),
                "--threshold", "backup_age_hours=0:0");
        assertEquals(2, stale.exitCode(), stale.all());
        assertTrue(stale.out().contains("backup_age_hours 0"), stale.out());

        CliRun down = CliRun.of("monitor", "--check", "--db", "postgresql://app:hunter2@127.0.0.1:1/nowhere?connect_timeout=2");
        assertEquals(3, down.exitCode(), down.all());
        assertTrue(down.out().startsWith("PARTPAL-DB UNKNOWN - cannot connect to PostgreSQL at postgresql://app:****@127.0.0.1:1/nowhere"), down.out());
        assertFalse(down.all().contains("hunter2"));

        CliRun bad = CliRun.of("monitor", "--check", "--db", url.connectionString(), "--threshold", "bogus=1:2");
        assertEquals(3, bad.exitCode(), bad.all());
        assertTrue(bad.out().startsWith("PARTPAL-DB UNKNOWN - unknown threshold 'bogus'"), bad.out());
    }

    private static void quietly(Statement statement, String sql) {
        try {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            // cancelled at the end of the test
        }
    }
}
