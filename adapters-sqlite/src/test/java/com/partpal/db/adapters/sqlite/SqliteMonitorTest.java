package com.partpal.db.adapters.sqlite;

import com.partpal.db.application.port.monitoring.SqliteMonitoring;
import com.partpal.db.application.port.monitoring.SqliteMonitoring.TableRows;
import com.partpal.db.domain.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteMonitorTest {
    @TempDir
    Path dir;

    @Test
    void reportsFileSizePagesFreePagesAndRowCounts() throws Exception {
        Path file = TestDatabases.create(dir.resolve("monitored.db"),
                "CREATE TABLE \"Odd \"\"name\" (id INTEGER PRIMARY KEY, text TEXT)",
                "CREATE TABLE parts (id INTEGER PRIMARY KEY, text TEXT)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                        + " INSERT INTO parts SELECT i, printf('%.500c', 'x') FROM n",
                "INSERT INTO \"Odd \"\"name\" VALUES (1, 'a'), (2, 'b')",
                "DELETE FROM parts WHERE id > 1000");

        SqliteMonitoring figures = new SqliteMonitor().inspect("file:" + file);

        assertEquals("sqlite", figures.kind());
        assertEquals(file.toAbsolutePath().normalize().toString(), figures.file());
        assertEquals(Files.size(file), figures.fileBytes());
        assertEquals(figures.fileBytes(), figures.pageCount() * figures.pageSize());
        assertTrue(figures.freelistPages() > 0, "deleted rows leave free pages: " + figures);
        assertEquals(List.of(new TableRows("Odd \"name", 2), new TableRows("parts", 1000)), figures.tables());
    }

    @Test
    void pingIsEmptyForASqliteFileAndAReasonOtherwise() throws Exception {
        Path file = TestDatabases.create(dir.resolve("ok.db"), "CREATE TABLE t (x)");
        Files.writeString(dir.resolve("text.db"), "not a database at all, just text");
        SqliteMonitor monitor = new SqliteMonitor();

        assertEquals(Optional.empty(), monitor.ping(file.toString(), Duration.ofSeconds(1)));
        assertTrue(monitor.ping(dir.resolve("missing.db").toString(), Duration.ofSeconds(1)).orElseThrow()
                .startsWith("SQLite database not found"));
        assertTrue(monitor.ping(dir.resolve("text.db").toString(), Duration.ofSeconds(1)).orElseThrow()
                .startsWith("not a SQLite database"));
        assertThrows(BadInputException.class, () -> monitor.inspect(dir.resolve("missing.db").toString()));
    }
}
