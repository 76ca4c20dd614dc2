package com.partpal.db.adapters.postgres;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitoring pools against a real PostgreSQL: one per database identity, never more than the cap, idle ones closed. */
class MonitoringPoolsTest {
    private static long sessions(PostgresUrl any, List<PostgresUrl> of) throws Exception {
        StringBuilder names = new StringBuilder();
        for (PostgresUrl url : of) {
            names.append(names.isEmpty() ? "" : ",").append("'").append(url.database()).append("'");
        }
        try (Connection connection = PostgresPools.connect(any.withDatabase("postgres"));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname IN (" + names
                     + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anyNumberOfDatabasesNeverHoldsMoreThanTheCapAndLocalhostIs127001() throws Exception {
        List<PostgresUrl> databases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            databases.add(SharedPostgres.freshDatabase());
        }
        try (PostgresMonitor monitor = new PostgresMonitor(2, 1, Duration.ofMinutes(5), Duration.ofSeconds(10))) {
            for (PostgresUrl url : databases) {
                monitor.inspect(url.connectionString());
                assertTrue(monitor.openPools() <= 2, "pools: " + monitor.openPools());
                assertTrue(sessions(url, databases) <= 2, "sessions: " + sessions(url, databases));
            }
            PostgresUrl last = databases.get(4);
            PostgresUrl spelledOtherwise = new PostgresUrl("localhost".equals(last.host()) ? "127.0.0.1" : "localhost",
                    last.port(), last.database(), last.user(), last.password(), last.schema(), null, null, null, null,
                    false, last.otherParams());
            monitor.inspect(spelledOtherwise.connectionString());
            assertEquals(2, monitor.openPools(), "the same database under another host name shares its pool");
        }
    }

    @Test
    void aPoolInUseIsNeverClosedForANewOneAndIdlePoolsAreClosed() throws Exception {
        PostgresUrl a = SharedPostgres.freshDatabase();
        PostgresUrl b = SharedPostgres.freshDatabase();
        try (MonitoringPools pools = new MonitoringPools(
                new MonitoringPools.Settings(1, 1, Duration.ofSeconds(1), Duration.ofSeconds(5)))) {
            try (MonitoringPools.Lease held = pools.borrow(a)) {
                BadInputException full = assertThrows(BadInputException.class, () -> pools.borrow(b));
                assertTrue(full.getMessage().contains("partpal.monitoring.max-pools"), full.getMessage());
                try (MonitoringPools.Lease again = pools.borrow(a)) {
                    assertSame(held.pool(), again.pool());
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (pools.size() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(0, pools.size(), "the idle pool was closed");
            try (MonitoringPools.Lease other = pools.borrow(b)) {
                assertEquals(1, pools.size());
                assertTrue(other.pool().getConnection().isValid(1));
            }
        }
    }
}
