package com.partpal.db.adapters.sqlite;

import com.partpal.db.application.port.SourceDatabaseContract;
import com.partpal.db.application.port.SourceRow;
import com.partpal.db.domain.connection.SqliteLocation;
import com.partpal.db.domain.schema.ColumnCensus;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.schema.TableCensus;
import com.partpal.db.domain.value.RawText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SqliteRowsTest {
    @TempDir
    static Path dir;
    static Path db;
    static SqliteSourceDatabase source;

    @BeforeAll
    static void create() {
        db = TestDatabases.create(dir.resolve("rows.db"),
                "CREATE TABLE cells (id INTEGER PRIMARY KEY, v)",
                "INSERT INTO cells VALUES (1, NULL), (2, 42), (3, 9223372036854775807), (4, -2147483649), (5, 2.5),"
                        + " (6, 'héllo'), (7, X'00ff10'), (8, CAST(X'41ff42' AS TEXT)), (9, 'a' || char(0) || 'b'),"
                        + " (10, 'genuine \uFFFD replacement'), (12, '')",
                "DELETE FROM cells WHERE id = 12",
                "INSERT INTO cells VALUES (20, 'last')",
                "CREATE TABLE keyed (k TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID",
                "INSERT INTO keyed VALUES ('c', 3), ('a', 1), ('b', 2)",
                "CREATE TABLE shadowed (rowid TEXT, v INTEGER)",
                "INSERT INTO shadowed VALUES ('x', 1), ('y', 2)",
                "CREATE TABLE mixed (d DATETIME, n INT, t TEXT)",
                "INSERT INTO mixed VALUES (1700000000000, 1, 'a'), (1700000000, 3000000000, 'b'), ('1700000000123', '-3000000000', 'c'),"
                        + " ('2024-02-29', 5.0, 'd'), ('2024-02-29 10:11:12.345', 5.5, 'e'), ('2024-02-29T10:11Z', '12abc', 'f'),"
                        + " ('not a date', 2147483647, 'g'), ('', NULL, 'h'), (NULL, X'01', NULL), (2.5, 4294967296.0, 'j'),"
                        + " ('0000-00-00 00:00:00', '+7', 'k')",
                "ALTER TABLE mixed ADD COLUMN e",
                "UPDATE mixed SET e = '1700000000123' WHERE t = 'a'",
                "UPDATE mixed SET e = '-1700000000' WHERE t = 'b'",
                "UPDATE mixed SET e = 'x1' WHERE t = 'c'");
        source = SqliteSourceDatabase.open(new SqliteLocation(db.toString()));
    }

    @AfterAll
    static void close() {
        source.close();
    }

    private static Table table(String name) {
        return source.readSchema().table(name).orElseThrow();
    }

    private static List<SourceRow> all(Table table) {
        return SourceDatabaseContract.readAll(source, table);
    }

    @Test
    void rawCellsKeepTheirStorageClass() {
        List<SourceRow> rows = all(table("cells"));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 20L), rows.stream().map(SourceRow::rowid).toList());
        List<Object> v = rows.stream().map(r -> r.values()[1]).toList();
        assertEquals(1L, rows.get(0).values()[0]);
        assertEquals(null, v.get(0));
        assertEquals(42L, v.get(1));
        assertEquals(Long.MAX_VALUE, v.get(2));
        assertEquals(-2147483649L, v.get(3));
        assertEquals(2.5, v.get(4));
        assertEquals("héllo", v.get(5));
        assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, (byte[]) v.get(6));
        assertEquals(new RawText(new byte[] {0x41, (byte) 0xff, 0x42}), v.get(7));
        assertEquals("a\0b", v.get(8));
        assertEquals("genuine \uFFFD replacement", v.get(9));
        assertEquals("last", v.get(10));
    }

    @Test
    void withoutRowidTablesAreNumberedInPrimaryKeyOrder() {
        List<SourceRow> rows = all(table("keyed"));
        assertEquals(List.of(1L, 2L, 3L), rows.stream().map(SourceRow::rowid).toList());
        assertEquals(List.of("a", "b", "c"), rows.stream().map(r -> r.values()[0]).toList());
        List<SourceRow> picked = source.readRowsByRowid(table("keyed"), List.of(3L, 2L, 99L));
        assertEquals(List.of(2L, 3L), picked.stream().map(SourceRow::rowid).toList());
        assertEquals(List.of("b", "c"), picked.stream().map(r -> r.values()[0]).toList());
    }

    @Test
    void aColumnNamedRowidDoesNotHideTheRowid() {
        List<SourceRow> rows = all(table("shadowed"));
        assertEquals(List.of(1L, 2L), rows.stream().map(SourceRow::rowid).toList());
        assertEquals(List.of("x", "y"), rows.stream().map(r -> r.values()[0]).toList());
    }

    @Test
    void rowsByRowidMatchTheStreamedRows() {
        Table cells = table("cells");
        List<SourceRow> streamed = all(cells);
        List<Long> wanted = new ArrayList<>();
        for (long id = 0; id <= 1200; id++) {
            wanted.add(id * 7 % 1201);
        }
        List<SourceRow> picked = source.readRowsByRowid(cells, wanted);
        assertEquals(streamed.size(), picked.size());
        for (int i = 0; i < streamed.size(); i++) {
            assertEquals(streamed.get(i).rowid(), picked.get(i).rowid());
            assertEquals(Arrays.deepToString(streamed.get(i).values()), Arrays.deepToString(picked.get(i).values()));
        }
    }

    @Test
    void censusCountsStorageClassesDateShapesAndWideIntegers() {
        Table mixed = table("mixed");
        TableCensus census = source.census(mixed, Set.of("d", "e"));
        assertEquals(11, census.rows());
        // DATETIME has NUMERIC affinity: '1700000000123' was stored as an integer; the ISO count is by shape only
        // five values have a time of day: three epochs and two texts ('0000-00-00 00:00:00' is all zeros)
        assertEquals(new ColumnCensus("d", 3, 1, 6, 0, 1, 2, 1, 4, 3, 2, 0, 0, 5, -1), census.columns().get(0));
        // INT affinity stores 5.0, 4294967296.0, '-3000000000' and '+7' as integers; 5.5 and '12abc' stay as they are,
        // and with the blob they are the three values the integer rule rejects
        assertEquals(new ColumnCensus("n", 7, 1, 1, 1, 1, -1, -1, -1, -1, 3, -1, -1, -1, 3), census.columns().get(1));
        assertEquals(new ColumnCensus("t", 0, 0, 10, 0, 1, -1, -1, -1, -1, 0), census.columns().get(2));
        // an untyped column keeps integer texts as text; they are read as epoch values all the same
        assertEquals(new ColumnCensus("e", 0, 0, 3, 0, 8, 1, 1, 0, 1, 1, 0, 0, 2, -1), census.columns().get(3));
        assertEquals(11, source.countRows(mixed));
    }

    @Test
    void censusCountsFractionDigitsAndTimesOfDayOfDjangoRailsAndSequelizeText() throws Exception {
        Path db = TestDatabases.create(dir.resolve("fractions.db"),
                "CREATE TABLE f (at datetime(6), day date)",
                "INSERT INTO f VALUES ('2024-01-01 10:00:00.123456', '2024-01-01'),"
                        + " ('2024-01-01T10:00:00.000000Z', '2024-01-02 00:00:00'),"
                        + " ('2024-01-01 10:00:00.123', '2024-01-03 08:30:00'),"
                        + " ('2024-01-01 10:00:00.000 +00:00', '2024-01-04T00:00:00.000000'),"
                        + " ('2024-01-01 10:00:00.1234567', 1704067200), (NULL, 1704067201000)");
        try (SqliteSourceDatabase fractions = SqliteSourceDatabase.open(new SqliteLocation(db.toString()))) {
            TableCensus census = fractions.census(fractions.readSchema().table("f").orElseThrow(), Set.of("at", "day"));
            ColumnCensus at = census.columns().get(0);
            assertEquals(3, at.finerThanMillis());
            assertEquals(1, at.finerThanMicros());
            assertEquals(5, at.timeOfDay());
            ColumnCensus day = census.columns().get(1);
            assertEquals(1, day.finerThanMillis()); // six digits written, zeros or not
            assertEquals(2, day.timeOfDay()); // '2024-01-03 08:30:00' and 1704067201000 ms; 1704067200 s is midnight
        }
    }

    @Test
    void theRowidAliasAloneIsCountedWithoutAScanAndAgreesWithTheScan() throws Exception {
        Path db = TestDatabases.create(dir.resolve("wide-ids.db"),
                "CREATE TABLE w (id INTEGER PRIMARY KEY, n INTEGER)",
                "INSERT INTO w VALUES (1, 1), (2147483647, 2), (2147483648, 3), (-2147483648, 4), (-2147483649, 5),"
                        + " (9223372036854775807, 6)");
        try (SqliteSourceDatabase wide = SqliteSourceDatabase.open(new SqliteLocation(db.toString()))) {
            Table w = wide.readSchema().table("w").orElseThrow();
            assertEquals("id", w.rowidAlias());
            TableCensus aliasOnly = wide.census(w.onlyColumns(Set.of("id")), Set.of());
            TableCensus scanned = wide.census(w, Set.of());
            assertEquals(6, aliasOnly.rows());
            assertEquals(new ColumnCensus("id", 6, 0, 0, 0, 0, -1, -1, -1, -1, 3, -1, -1, -1, 0), aliasOnly.columns().get(0));
            assertEquals(scanned.columns().get(0), aliasOnly.columns().get(0));
        }
    }

        @Test
    void readingEverythingLeavesTheFileUntouched() throws Exception {
        Path copy = Files.copy(TestDatabases.create(dir.resolve("untouched.db"),
                "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, t TEXT, d DATETIME)",
                "INSERT INTO a (t, d) VALUES ('x', 1700000000000), ('y', '2024-01-01 00:00:00')",
                "CREATE TABLE b (k TEXT PRIMARY KEY, a INTEGER REFERENCES a) WITHOUT ROWID",
                "INSERT INTO b VALUES ('k', 1)"), dir.resolve("untouched-copy.db"));
        Files.setLastModifiedTime(copy, FileTime.fromMillis(1_600_000_000_000L));
        byte[] before = Files.readAllBytes(copy);
        try (SqliteSourceDatabase db = SqliteSourceDatabase.open(new SqliteLocation(copy.toString()))) {
            for (Table t : db.readSchema().tables()) {
                db.countRows(t);
                db.census(t, Set.of("d"));
                SourceDatabaseContract.readAll(db, t);
                db.readRowsByRowid(t, List.of(1L));
            }
        }
        assertArrayEquals(before, Files.readAllBytes(copy));
        assertEquals(FileTime.fromMillis(1_600_000_000_000L), Files.getLastModifiedTime(copy));
        try (var siblings = Files.list(dir)) {
            assertFalse(siblings.anyMatch(p -> p.getFileName().toString().startsWith("untouched-copy.db-")),
                    "no journal, WAL or shm file is left behind");
        }
    }
}
