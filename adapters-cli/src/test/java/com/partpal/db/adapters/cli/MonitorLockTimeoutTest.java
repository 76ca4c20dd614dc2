package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `monitor` behind a table held ACCESS EXCLUSIVE by another session (a migration's or an ALTER TABLE's lock): its
 * session's lock_timeout (2 s) ends the wait of the size functions, and it prints every other figure and says which
 * one it could not read and which lock stopped it, instead of hanging until the lock is released.
 */
class MonitorLockTimeoutTest {
    @Test
    void finishesWithinItsLockTimeoutAndSaysWhatItCouldNotRead() throws Exception {
        PostgresUrl url = SharedPostgres.freshDatabase();
        try (Connection c = PostgresPools.connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parts (id int PRIMARY KEY, note text)");
            s.execute("INSERT INTO parts SELECT g, 'x' FROM generate_series(1, 1000) g");
        }
        try (Connection holder = PostgresPools.connect(url); Statement hold = holder.createStatement()) {
            holder.setAutoCommit(false);
            hold.execute("LOCK TABLE parts IN ACCESS EXCLUSIVE MODE");
            int holderPid;
            try (ResultSet rs = hold.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                holderPid = rs.getInt(1);
            }

            long start = System.nanoTime();
            CliRun text = CliRun.of("monitor", "--db", url.connectionString());
            double seconds = (System.nanoTime() - start) / 1e9;

            assertEquals(0, text.exitCode(), text.all());
            assertTrue(text.out().contains("largest tables not read: lock_timeout 2s reached, waiting for: parts"
                    + " (AccessExclusiveLock, pid " + holderPid + ")"), text.out());
            assertTrue(text.out().contains("connections by state: "), text.out());
            assertTrue(text.out().contains("\nhealth: "), text.out());
            // the lock timeout plus the command's own start; without it, monitor waited as long as the lock was held
            assertTrue(seconds < 20, "monitor took " + seconds + " s");
            assertTrue(holder.isValid(1), "the lock holder's session is untouched");
            assertFalse(text.all().contains(url.password()));
            holder.rollback();
        }
    }
}
