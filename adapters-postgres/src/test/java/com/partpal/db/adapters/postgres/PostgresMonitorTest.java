package com.partpal.db.adapters.postgres;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.application.port.monitoring.PostgresMonitoring;
import com.partpal.db.application.port.monitoring.PostgresMonitoring.TableSize;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresMonitorTest {
    private static PostgresUrl databaseWithATable(int rows) throws Exception {
        PostgresUrl url = SharedPostgres.freshDatabase();
        try (Connection connection = PostgresPools.connect(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE big_parts (id int PRIMARY KEY, name text)");
            statement.execute("INSERT INTO big_parts SELECT g, repeat('x', 200) FROM generate_series(1, " + rows + ") g");
            statement.execute("CREATE TABLE tiny (id int)");
        }
        return url;
    }

    @Test
    void reportsSizesLargestTablesConnectionsCacheAndTheMonitorsOwnPool() throws Exception {
        PostgresUrl url = databaseWithATable(5000);
        try (PostgresMonitor monitor = new PostgresMonitor()) {
            PostgresMonitoring figures = monitor.inspect(url.connectionString());

            assertEquals("postgresql", figures.kind());
            assertEquals(url.masked(), figures.database());
            assertFalse(figures.database().contains(url.password()));
            assertTrue(figures.sizeBytes() > 1_000_000, "a database with 5000 rows of 200 bytes: " + figures.sizeBytes());
            assertTrue(figures.sizePretty().matches("\\d+ (kB|MB)"), figures.sizePretty());
            TableSize largest = figures.largestTables().get(0);
            assertEquals("public", largest.schema());
            assertEquals("big_parts", largest.table());
            assertTrue(largest.tableBytes() > 1_000_000, largest.toString());
            assertTrue(largest.indexBytes() > 0, "the primary key's index: " + largest);
            assertEquals(largest.tableBytes() + largest.indexBytes(), largest.totalBytes());
            assertTrue(figures.largestTables().stream().anyMatch(t -> t.table().equals("tiny")));
            assertTrue(figures.connectionsByState().getOrDefault("active", 0L) >= 1, figures.connectionsByState().toString());
            assertTrue(figures.blocksHit() > 0);
            assertTrue(figures.cacheHitRatio() > 0 && figures.cacheHitRatio() <= 1, String.valueOf(figures.cacheHitRatio()));
            assertFalse(figures.slowQueries().available());
            assertEquals(PostgresMonitor.NO_STATEMENTS, figures.slowQueries().reason());
            assertEquals(2, figures.pool().max(), "the monitoring pools are small");
            assertEquals(0, figures.pool().active(), "the monitor's connection went back to the pool");
            assertTrue(figures.pool().total() >= 1 && figures.pool().idle() == figures.pool().total(), figures.pool().toString());

            PostgresMonitoring again = monitor.inspect(url.connectionString());
            assertTrue(again.pool().total() >= 1, "the same pool is kept between calls: " + again.pool());
        }
    }

    @Test
    void withPgStatStatementsInstalledTheSlowestQueriesAreListedWithPasswordsMasked() throws Exception {
        PostgresUrl url = databaseWithATable(10);
        String secret = "role-secret-" + System.nanoTime();
        try (Connection connection = PostgresPools.connect(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
            statement.execute("CREATE ROLE monitored_role LOGIN PASSWORD '" + secret + "'");
            statement.execute("SELECT count(*), pg_sleep(0.05) FROM big_parts a CROSS JOIN big_parts b WHERE a.name = 'x' || b.id");
        }
        try (PostgresMonitor monitor = new PostgresMonitor()) {
            PostgresMonitoring figures = monitor.inspect(url.connectionString());
            assertTrue(figures.slowQueries().available(), figures.slowQueries().toString());
            assertNull(figures.slowQueries().reason());
            assertTrue(figures.slowQueries().queries().stream().anyMatch(q ->
                    q.query().contains("CROSS JOIN big_parts b") && q.calls() == 1 && q.meanMillis() >= 50),
                    figures.slowQueries().toString());
            assertTrue(figures.slowQueries().queries().stream().anyMatch(q ->
                    q.query().equals("CREATE ROLE monitored_role LOGIN PASSWORD '****'")), figures.slowQueries().toString());
            assertFalse(figures.slowQueries().toString().contains(secret));
        } finally {
            try (Connection connection = PostgresPools.connect(url); Statement statement = connection.createStatement()) {
                statement.execute("DROP ROLE monitored_role");
            }
        }
    }

    @Test
    void pingAnswersEmptyWhenUpAndAShortMaskedReasonWhenNot() {
        PostgresUrl url = SharedPostgres.freshDatabase();
        try (PostgresMonitor monitor = new PostgresMonitor()) {
            assertEquals(Optional.empty(), monitor.ping(url.connectionString(), Duration.ofSeconds(3)));

            Optional<String> wrongPassword = monitor.ping(PostgresUrl.of(url.host(), url.port(), url.database(),
                    url.user(), "wrong-" + url.password()).connectionString(), Duration.ofSeconds(3));
            assertTrue(wrongPassword.orElseThrow().startsWith("PostgreSQL did not answer: "), wrongPassword.get());
            assertFalse(wrongPassword.get().contains(url.password()), wrongPassword.get());

            Optional<String> closedPort = monitor.ping(PostgresUrl.of("127.0.0.1", 1, "nowhere", "u", url.password())
                    .connectionString(), Duration.ofSeconds(1));
            assertTrue(closedPort.orElseThrow().contains("refused"), closedPort.get());
            assertFalse(closedPort.get().contains(url.password()));
            assertNull(monitor.ping(url.connectionString(), Duration.ofSeconds(1)).orElse(null));
        }
    }
}
