package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.PostgresMonitor;
import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonitorCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsPostgresFiguresAsTextOrJsonWithoutThePassword() throws Exception {
        PostgresUrl url = SharedPostgres.freshDatabase();
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE watched (id int PRIMARY KEY)");
        }

        CliRun text = CliRun.of("monitor", "--db", url.connectionString());
        assertEquals(0, text.exitCode(), text.all());
        assertTrue(text.out().startsWith("database: " + url.masked() + "\n"), text.out());
        assertTrue(text.out().contains("  public.watched  "), text.out());
        assertTrue(text.out().contains("slow queries: " + PostgresMonitor.NO_STATEMENTS), text.out());
        assertTrue(text.out().matches("(?s).*pool: active 0, idle \\d+, total \\d+, waiting 0, max 2\nhealth: .*"), text.out()); // partpal.monitoring.pool-size

        CliRun json = CliRun.of("monitor", "--db", url.connectionString(), "--json");
        assertEquals(0, json.exitCode(), json.all());
        assertTrue(json.out().startsWith("{\"kind\":\"postgresql\",\"database\":\"" + url.masked() + "\""), json.out());
        assertFalse(text.all().contains(url.password()) || json.all().contains(url.password()));
    }

    @Test
    void printsSqliteFiguresAndRefusesAMissingFileWithExitCode2() throws Exception {
        Path file = SqliteFiles.create(dir.resolve("watched.db"),
                "CREATE TABLE labels (id INTEGER PRIMARY KEY)", "INSERT INTO labels VALUES (1), (2), (3)");

        CliRun run = CliRun.of("monitor", "--db", file.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("\n  labels  3"), run.out());

        CliRun missing = CliRun.of("monitor", "--db", dir.resolve("gone.db").toString());
        assertEquals(2, missing.exitCode(), missing.all());
        assertTrue(missing.err().startsWith("error: SQLite database not found"), missing.err());
    }
}
