package com.partpal.db.adapters.postgres;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.application.port.OnExisting;
import com.partpal.db.application.port.TableLoader;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TargetType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyRoundTripTest {
    private static final List<String> NAMES = List.of("int", "big", "flag", "at", "day", "real", "exact", "money",
            "words", "bytes", "doc");

    private static MigrationPlan everyType() {
        TargetTable table = TestPlans.table("Every Type", List.of(
                TestPlans.column("int", TargetType.INTEGER, false), TestPlans.column("big", TargetType.BIGINT, false),
                TestPlans.column("flag", TargetType.BOOLEAN, false), TestPlans.column("at", TargetType.TIMESTAMP, false),
                TestPlans.column("day", TargetType.DATE, false), TestPlans.column("real", TargetType.DOUBLE, false),
                TestPlans.column("exact", TargetType.NUMERIC, false),
                TestPlans.column("money", new ColumnType(TargetType.NUMERIC, 12, 2), false, null),
                TestPlans.column("words", TargetType.TEXT, false), TestPlans.column("bytes", TargetType.BYTEA, false),
                TestPlans.column("doc", TargetType.JSONB, false)), List.of(), List.of(), List.of(), null);
        return new MigrationPlan(List.of(table), List.of());
    }

    private static byte[] allBytes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[]{2147483647L, Long.MIN_VALUE, true, LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_000_000),
                LocalDate.of(2024, 2, 29), 0.1, new BigDecimal("12345678901234567890.123456789"), new BigDecimal("-0.01"),
                "tab\there\nnew\\line\r\\N end", allBytes(), "{\"a\": [1, 2.50, null], \"b\": \"x\\ny\"}"});
        rows.add(new Object[]{-2147483648L, Long.MAX_VALUE, false, LocalDateTime.of(1970, 1, 1, 0, 0, 0),
                LocalDate.of(1, 1, 1), Double.MAX_VALUE, new BigDecimal("1E+3"), new BigDecimal("99.50"),
                "é ü 中文 😀 \u007f", new byte[0], "null"});
        rows.add(new Object[]{0L, 0L, null, LocalDateTime.of(0, 6, 15, 12, 30, 0, 5_000_000),
                LocalDate.of(-44, 3, 15), Double.MIN_VALUE, BigDecimal.ZERO, null, "", new byte[]{'\\', '\t'}, "[]"});
        rows.add(new Object[]{null, null, null, null, null, Double.NaN, null, null, "\\N", null, null});
        rows.add(new Object[]{null, null, null, LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000), null,
                Double.POSITIVE_INFINITY, null, null, null, null, null});
        rows.add(new Object[]{null, null, null, null, null, Double.NEGATIVE_INFINITY, null, null, null, null, null});
        rows.add(new Object[]{null, null, null, null, null, -0.0, null, null, null, null, null});
        rows.add(new Object[]{null, null, null, null, null, 1.0E-7, null, null, null, null, null});
        rows.add(new Object[]{null, null, null, null, null, 123456789.12345679, null, null, null, null, null});
        rows.add(new Object[]{null, null, null, null, null, null, null, null, null, null, null});
        return rows;
    }

    @Test
    void everyJavaTypeRoundTripsExactly() throws Exception {
        PostgresUrl url = SharedPostgres.freshDatabase();
        MigrationPlan plan = everyType();
        List<Object[]> rows = rows();
        try (PostgresTargetDatabase target = PostgresTargetDatabase.open(url)) {
            target.createTables(plan, OnExisting.FAIL);
            try (TableLoader loader = target.openLoader(plan.tables().get(0))) {
                for (int i = 0; i < rows.size(); i++) {
                    loader.add(i + 1, rows.get(i));
                }
                assertEquals(rows.size(), loader.finish());
            }
        }
        List<Object[]> read = readBack(url, "SELECT * FROM \"Every Type\"");
        assertEquals(rows.size(), read.size());
        for (int r = 0; r < rows.size(); r++) {
            Object[] expected = rows.get(r);
            Object[] actual = read.get(r);
            for (int c = 0; c < NAMES.size(); c++) {
                String where = "row " + (r + 1) + " column " + NAMES.get(c);
                if (expected[c] instanceof byte[] bytes) {
                    assertArrayEquals(bytes, (byte[]) actual[c], where);
                } else if (expected[c] instanceof BigDecimal decimal) {
                    assertEquals(0, decimal.compareTo((BigDecimal) actual[c]), where + ": " + actual[c]);
                } else if (c == 10 && expected[c] != null) {
                    assertEquals(Boolean.TRUE, actual[c], where + " (jsonb equal to the source text)");
                } else {
                    assertEquals(expected[c], actual[c], where);
                }
            }
        }
        assertEquals(List.of("-0"), readBack(url, "SELECT \"real\"::text FROM \"Every Type\" WHERE \"real\" = 0 "
                + "AND \"real\"::text LIKE '-%'").stream().map(r -> r[0]).toList(), "negative zero keeps its sign");
        assertEquals(List.of("0001-06-15 12:30:00.005 BC"), readBack(url, "SELECT \"at\"::text FROM \"Every Type\" "
                + "WHERE \"at\" < '0001-01-01'").stream().map(r -> r[0]).toList());
    }

    /** Values as Java objects; the jsonb column compares the stored document with the source text in SQL. */
    private static List<Object[]> readBack(PostgresUrl url, String sql) throws Exception {
        String query = sql.startsWith("SELECT *") ? "SELECT \"int\"::bigint, big, flag, \"at\", \"day\", \"real\", exact, "
                + "money, words, bytes, doc = ANY (ARRAY[" + jsonLiterals() + "]::jsonb[]) FROM \"Every Type\" "
                + "ORDER BY ctid" : sql;
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = PostgresPools.connect(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = switch (rs.getMetaData().getColumnTypeName(c + 1)) {
                        case "timestamp" -> rs.getObject(c + 1, LocalDateTime.class);
                        case "date" -> rs.getObject(c + 1, LocalDate.class);
                        case "bytea" -> rs.getBytes(c + 1);
                        default -> rs.getObject(c + 1);
                    };
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String jsonLiterals() {
        return String.join(", ", rows().stream().map(r -> (String) r[10]).filter(java.util.Objects::nonNull)
                .map(Sql::literal).toList());
    }

    @Test
    void valuesDoNotDependOnTheJvmOrServerTimeZone() throws Exception {
        PostgresUrl url = SharedPostgres.freshDatabase();
        try (Connection admin = PostgresPools.connect(url); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + Sql.identifier(url.database()) + " SET timezone TO 'America/New_York'");
        }
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Africa/Johannesburg"));
        try {
            TargetTable table = TestPlans.table("events", List.of(TestPlans.column("id", TargetType.BIGINT, true),
                    TestPlans.column("at", ColumnType.of(TargetType.TIMESTAMP), false, null),
                    TestPlans.column("created", ColumnType.of(TargetType.TIMESTAMP), true, "CURRENT_TIMESTAMP")),
                    List.of("id"), List.of(), List.of(), null);
            MigrationPlan plan = new MigrationPlan(List.of(table), List.of());
            LocalDateTime midnight = LocalDateTime.of(2024, 3, 31, 0, 30, 0);
            try (PostgresTargetDatabase target = PostgresTargetDatabase.open(url)) {
                target.createTables(plan, OnExisting.FAIL);
                try (TableLoader loader = target.openLoader(table)) {
                    loader.add(1, new Object[]{1L, midnight, LocalDateTime.of(2000, 1, 1, 0, 0)});
                    loader.finish();
                }
            }
            try (Connection connection = PostgresPools.connect(url); Statement statement = connection.createStatement()) {
                assertEquals("UTC", single(statement, "SHOW TimeZone"));
                statement.execute("INSERT INTO events (id, \"at\") VALUES (2, NULL)");
                assertEquals("2024-03-31 00:30:00", single(statement, "SELECT \"at\"::text FROM events WHERE id = 1"));
                assertEquals("t", single(statement, "SELECT abs(extract(epoch FROM created - "
                        + "(clock_timestamp() AT TIME ZONE 'UTC'))) < 60 FROM events WHERE id = 2"));
            }
            assertEquals(midnight, readTimestamp(url));
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    private static LocalDateTime readTimestamp(PostgresUrl url) throws Exception {
        try (Connection connection = PostgresPools.connect(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT \"at\" FROM events WHERE id = 1")) {
            rs.next();
            return rs.getObject(1, LocalDateTime.class);
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet rs = statement.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void encodesRowsInCopyBinaryFormat() {
        CopyBinaryEncoder encoder = new CopyBinaryEncoder(List.of(TargetType.INTEGER, TargetType.TEXT,
                TargetType.NUMERIC, TargetType.JSONB), 4);
        encoder.clear();
        encoder.row(new Object[]{-2L, "é\t", new BigDecimal("-12345.670"), null}, true, 9);
        encoder.trailer();

        assertEquals("0005" + "00000004fffffffe" + "00000003c3a909"
                        + "0000000e" + "0003" + "0001" + "4000" + "0003" + "0001" + "0929" + "1a2c"
                        + "ffffffff" + "00000008" + "0000000000000009" + "ffff",
                java.util.HexFormat.of().formatHex(Arrays.copyOf(encoder.buffer(), encoder.size())));
    }

    @Test
    void refusesAValueItsColumnCannotHold() {
        CopyBinaryEncoder encoder = new CopyBinaryEncoder(List.of(TargetType.INTEGER), 4);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> encoder.row(new Object[]{2147483648L}, false, 1));
        assertTrue(e.getMessage().contains("as integer"), e.getMessage());
    }
}
