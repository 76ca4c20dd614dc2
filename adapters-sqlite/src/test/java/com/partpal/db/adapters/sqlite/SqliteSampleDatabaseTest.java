package com.partpal.db.adapters.sqlite;

import com.partpal.db.application.port.RowCursor;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.SqliteLocation;
import com.partpal.db.domain.schema.ColumnCensus;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.value.RawText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteSampleDatabaseTest {
    private static final int ROWS = 1000;
    private static final String DIRTY_PROBES = "SELECT"
            + " (SELECT count(*) FROM vehicles v WHERE NOT EXISTS (SELECT 1 FROM sellers s WHERE s.id = v.sellerId)),"
            + " (SELECT count(*) FROM parts p WHERE NOT EXISTS (SELECT 1 FROM vehicles v JOIN sellers s ON s.id = v.sellerId WHERE v.id = p.vehicleId)),"
            + " (SELECT count(*) FROM parts WHERE isListedOnMarketplace NOT IN (0, 1)),"
            + " (SELECT count(*) FROM parts WHERE NOT json_valid(images)),"
            + " (SELECT count(*) FROM analytics_events WHERE typeof(\"timestamp\") = 'text' AND \"timestamp\" NOT GLOB '[0-9][0-9][0-9][0-9]-*'),"
            + " (SELECT count(*) FROM activity_logs WHERE instr(description, char(0)) > 0)";

    @TempDir
    static Path dir;
    static Path clean;
    static Path dirty;
    static Map<String, Long> cleanCounts;
    static Map<String, Long> dirtyCounts;

    @BeforeAll
    static void write() {
        clean = dir.resolve("clean.db");
        dirty = dir.resolve("dirty.db");
        cleanCounts = new SqliteSampleDatabase().write(clean, ROWS, false);
        dirtyCounts = new SqliteSampleDatabase().write(dirty, ROWS, true);
    }

    private static List<String> rows(Path db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= width; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    @Test
    void schemaIsExactlyTheFixturesSchema() throws SQLException {
        // the indexes are created after the data, so compare per table, in creation order within each table
        String schema = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY tbl_name, type DESC, rowid";
        assertEquals(rows(TestDatabases.FIXTURE, schema), rows(clean, schema));
        assertEquals(rows(TestDatabases.FIXTURE, schema), rows(dirty, schema));
    }

    @Test
    void tablesAreDiscoveredExactlyAsInTheFixture() {
        try (SqliteSourceDatabase fixture = SqliteSourceDatabase.open(new SqliteLocation(TestDatabases.FIXTURE.toString()));
             SqliteSourceDatabase sample = SqliteSourceDatabase.open(new SqliteLocation(dirty.toString()))) {
            assertEquals(fixture.readSchema(), sample.readSchema());
        }
    }

    @Test
    void sizesFollowTheRowsArgument() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("users", 20L);
        expected.put("refresh_tokens", 20L);
        expected.put("sellers", 10L);
        expected.put("vehicles", 50L);
        expected.put("parts", 1000L);
        expected.put("categories", 48L);
        expected.put("analytics_events", 1000L);
        expected.put("activity_logs", 100L);
        assertEquals(expected, cleanCounts);
        try (SqliteSourceDatabase source = SqliteSourceDatabase.open(new SqliteLocation(clean.toString()))) {
            for (Table table : source.readSchema().tables()) {
                assertEquals(cleanCounts.get(table.name()), source.countRows(table), table.name());
            }
        }
    }

    @Test
    void sameArgumentsGiveTheSameFile() throws Exception {
        Path again = dir.resolve("again.db");
        new SqliteSampleDatabase().write(again, ROWS, true);
        assertArrayEquals(Files.readAllBytes(dirty), Files.readAllBytes(again));
    }

    @Test
    void storedTheWayPrismaStoresIt() {
        try (SqliteSourceDatabase source = SqliteSourceDatabase.open(new SqliteLocation(clean.toString()))) {
            Table parts = source.readSchema().table("parts").orElseThrow();
            List<ColumnCensus> census = source.census(parts, Set.of("createdAt", "updatedAt")).columns();
            ColumnCensus createdAt = census.get(parts.columnIndex("createdAt"));
            assertTrue(createdAt.epochMillis() > 900 && createdAt.isoText() > 0, createdAt.toString());
            assertEquals(0, createdAt.otherText());
            assertEquals(ROWS, census.get(parts.columnIndex("updatedAt")).epochMillis());
            ColumnCensus listed = census.get(parts.columnIndex("isListedOnMarketplace"));
            assertEquals(ROWS, listed.integers());
            assertEquals(ROWS, census.get(parts.columnIndex("price")).reals());
        }
    }

    @Test
    void cleanDataHasNoBadValuesAndDirtyDataHasOneOfEachKind() throws SQLException {
        assertEquals(List.of("0|0|0|0|0|0"), rows(clean, DIRTY_PROBES));
        assertEquals(List.of("1|1|1|1|1|1"), rows(dirty, DIRTY_PROBES));
        assertEquals(List.of("0"), rows(clean, "SELECT count(*) FROM categories c WHERE parentId IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM categories p WHERE p.id = c.parentId)"));
        assertEquals(0, rawTexts(clean));
        assertEquals(1, rawTexts(dirty));
        assertEquals(Map.of("vehicles", 1L, "parts", 3L, "analytics_events", 2L, "activity_logs", 1L),
                difference(dirtyCounts, cleanCounts));
    }

    private static Map<String, Long> difference(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> diff = new LinkedHashMap<>();
        a.forEach((table, n) -> {
            if (n - b.get(table) != 0) {
                diff.put(table, n - b.get(table));
            }
        });
        return diff;
    }

    private static int rawTexts(Path db) {
        int found = 0;
        try (SqliteSourceDatabase source = SqliteSourceDatabase.open(new SqliteLocation(db.toString()))) {
            Table events = source.readSchema().table("analytics_events").orElseThrow();
            try (RowCursor cursor = source.readRows(events)) {
                while (cursor.next()) {
                    for (int i = 0; i < events.columns().size(); i++) {
                        found += cursor.get(i) instanceof RawText ? 1 : 0;
                    }
                }
            }
        }
        return found;
    }

    @Test
    void refusesToOverwrite() {
        assertThrows(BadInputException.class, () -> new SqliteSampleDatabase().write(clean, 10, false));
    }
}
