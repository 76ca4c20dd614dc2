package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
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
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migrate command end to end: real sample SQLite files into a real PostgreSQL, through the CLI entry point. */
class MigrateCommandTest {
    @TempDir
    static Path dir;
    static Path clean;
    static Path dirty;

    @BeforeAll
    static void samples() {
        clean = dir.resolve("clean.db");
        dirty = dir.resolve("dirty.db");
        assertEquals(0, CliRun.of("sample", clean.toString(), "--rows", "500").exitCode());
        assertEquals(0, CliRun.of("sample", dirty.toString(), "--rows", "500", "--dirty").exitCode());
    }

    @Test
    void cleanDataIsCopiedWhole() throws Exception {
        PostgresUrl target = SharedPostgres.freshDatabase();
        Path report = dir.resolve("clean-report.json");
        CliRun run = CliRun.of("migrate", "--from", "file:" + clean, "--to", target.connectionString(),
                "--report", report.toString());
        assertEquals(0, run.exitCode(), run.all());
        String json = Files.readString(report);
        assertTrue(json.contains("\"outcome\":\"copied_all\""), json);
        assertTrue(json.contains("\"rejectedRows\":0"), json);
        assertFalse(run.all().contains(target.password()), "password printed");
        assertFalse(json.contains(target.password()), "password in report");
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            for (String table : List.of("users", "refresh_tokens", "sellers", "vehicles", "parts", "categories",
                    "analytics_events", "activity_logs")) {
                long rows = single(s, "SELECT count(*) FROM \"" + table + "\"");
                assertTrue(json.contains("\"table\":\"" + table + "\",\"sourceRows\":" + rows + ",\"copied\":" + rows),
                        table + " count differs from report");
            }
            assertEquals("timestamp(3) without time zone", text(s, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                    + " WHERE attrelid = '\"users\"'::regclass AND attname = 'createdAt'"));
            assertEquals("boolean", text(s, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                    + " WHERE attrelid = '\"users\"'::regclass AND attname = 'isVerified'"));
            assertEquals(5, single(s, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace"
                    + " AND conname IN ('refresh_tokens_userId_fkey','sellers_userId_fkey','vehicles_sellerId_fkey',"
                    + "'parts_vehicleId_fkey','categories_parentId_fkey')"));
            assertEquals(1, single(s, "SELECT count(*) FROM pg_indexes WHERE indexname = 'sellers_city_province_idx'"));
        }
    }

    @Test
    void plantedBadRowsAreRejectedWithExitThreeAndAddUp() throws Exception {
        PostgresUrl target = SharedPostgres.freshDatabase();
        Path report = dir.resolve("dirty-report.json");
        Path rejects = dir.resolve("dirty-rejects.jsonl");
        CliRun run = CliRun.of("migrate", "--from", dirty.toString(), "--to", target.connectionString(),
                "--report", report.toString(), "--rejects", rejects.toString(), "--jobs", "3");
        assertEquals(3, run.exitCode(), run.all());
        List<String> lines = Files.readAllLines(rejects);
        String json = Files.readString(report);
        assertTrue(json.contains("\"rejectedRows\":" + lines.size()), json);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"reason\":\"not a boolean: 2\"")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"reason\":\"orphan: foreign key")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("{\"base64\":")), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"table\":") && l.contains("\"key\":{")
                && l.contains("\"row\":{")), lines.toString());
    }

    @Test
    void aNonEmptyTargetStopsTheRunBeforeAnythingIsWritten() throws Exception {
        PostgresUrl target = SharedPostgres.freshDatabase();
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"users\" (id text); INSERT INTO \"users\" VALUES ('keep me')");
        }
        CliRun run = CliRun.of("migrate", "--from", clean.toString(), "--to", target.connectionString(),
                "--report", dir.resolve("nonempty.json").toString());
        assertEquals(2, run.exitCode(), run.all());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: "), run.err());
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals("keep me", text(s, "SELECT id FROM \"users\""));
            assertEquals(1, single(s, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        }
    }

    @Test
    void aCorruptSourceIsRefusedWithOneLineAndLeavesNoTableNorSchemaBehind() throws Exception {
        Path corrupt = dir.resolve("corrupt.db");
        Files.copy(clean, corrupt);
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(corrupt.toFile(), "rw")) {
            file.seek(file.length() / 2 / 4096 * 4096 + 10);
            file.write("garbage garbage garbage garbage".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        PostgresUrl target = SharedPostgres.freshDatabase();
        for (PostgresUrl url : List.of(target, target.withSchema("fresh"))) {
            CliRun run = CliRun.of("migrate", "--from", corrupt.toString(), "--to", url.connectionString(),
                    "--report", dir.resolve("corrupt.json").toString());
            assertEquals(2, run.exitCode(), run.all());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("error: corrupt SQLite database: "), run.err());
        }
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals(0, single(s, "SELECT count(*) FROM pg_tables WHERE schemaname IN ('public', 'fresh')"));
            assertEquals(0, single(s, "SELECT count(*) FROM pg_namespace WHERE nspname = 'fresh'"));
        }
    }

    @Test
    void aDryRunPrintsTheDdlAndWritesNothing() throws Exception {
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun run = CliRun.of("migrate", "--from", clean.toString(), "--to", target.connectionString(), "--dry-run");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("CREATE TABLE"), run.out());
        assertTrue(run.out().contains("load order: users"), run.out());
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals(0, single(s, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        }
    }

    @Test
    void badInputGetsOneClearLineAndExitTwo() throws Exception {
        Path notSqlite = Files.writeString(dir.resolve("notes.txt"), "this is not a database, just some text here");
        PostgresUrl target = SharedPostgres.freshDatabase();
        String closedPort = "postgresql://app:s3cretpw@127.0.0.1:1/partpal";
        List<String[]> cases = List.of(
                new String[] {"migrate", "--from", dir.resolve("missing.db").toString(), "--to", target.connectionString()},
                new String[] {"migrate", "--from", notSqlite.toString(), "--to", target.connectionString()},
                new String[] {"migrate", "--from", clean.toString(), "--to", "mysql://app:s3cretpw@localhost/db"},
                new String[] {"migrate", "--from", clean.toString(), "--to", "postgresql://app:s3cretpw@127.0.0.1:notaport/db"},
                new String[] {"migrate", "--from", clean.toString(), "--to", closedPort},
                new String[] {"migrate", "--from", clean.toString(), "--to", target.connectionString(), "--tables", "nope"},
                new String[] {"migrate", "--from", clean.toString(), "--to", target.connectionString(), "--on-existing", "maybe"});
        for (String[] args : cases) {
            CliRun run = CliRun.of(args);
            String shown = String.join(" ", args);
            assertEquals(2, run.exitCode(), shown + " -> " + run.all());
            assertFalse(run.all().contains("s3cretpw"), "password shown for " + shown + ": " + run.all());
            assertFalse(run.all().contains(target.password()), "password shown for " + shown);
            assertFalse(run.err().isBlank(), shown);
            assertFalse(run.err().contains("\tat "), "stack trace for " + shown + ": " + run.err());
        }
    }

    @Test
    void keysEqualOnlyAfterConversionRejectTheLaterRowsAndTheirChildren() throws Exception {
        Path source = SqliteFiles.create(dir.resolve("duplicate-keys.db"),
                "CREATE TABLE \"events\" (\"id\" PRIMARY KEY, \"at\" DATETIME NOT NULL, \"name\" TEXT)",
                "CREATE UNIQUE INDEX \"events_at_key\" ON \"events\" (\"at\")",
                "CREATE TABLE \"tickets\" (\"id\" INTEGER PRIMARY KEY, \"eventId\", "
                        + "CONSTRAINT \"tickets_eventId_fkey\" FOREIGN KEY (\"eventId\") REFERENCES \"events\" (\"id\"))",
                // integer 1 and text '1' become the same text key; 2024-01-01 as ISO text and as epoch-ms the same timestamp
                "INSERT INTO \"events\" (rowid, \"id\", \"at\", \"name\") VALUES "
                        + "(1, 1, '2024-01-01', 'first'), (2, '1', '2024-01-02', 'same id'), "
                        + "(3, 'e3', 1704067200000, 'same time'), (4, 'e4', 1704153600, 'same time as a removed row')",
                "INSERT INTO \"tickets\" VALUES (1, 'e3'), (2, '1'), (3, 'e4'), (4, NULL)");
        PostgresUrl target = SharedPostgres.freshDatabase();
        Path report = dir.resolve("duplicate-keys.json");
        Path rejects = dir.resolve("duplicate-keys.jsonl");
        CliRun run = CliRun.of("migrate", "--from", source.toString(), "--to", target.connectionString(),
                "--report", report.toString(), "--rejects", rejects.toString());
        assertEquals(3, run.exitCode(), run.all());
        List<String> lines = Files.readAllLines(rejects);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.contains("{\"table\":\"events\",\"key\":{\"id\":\"1\"},\"column\":null,"
                + "\"reason\":\"duplicate key (id)=(1) also in rowid 1\","
                + "\"row\":{\"id\":\"1\",\"at\":\"2024-01-02\",\"name\":\"same id\"}}"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"table\":\"events\",\"key\":{\"id\":\"e3\"}")
                && l.contains("\"reason\":\"duplicate key (at)=(2024-01-01 00:00:00) also in rowid 1\"")
                && l.contains("\"at\":1704067200000")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"table\":\"tickets\",\"key\":{\"id\":1}")
                && l.contains("orphan: foreign key tickets_eventId_fkey")), lines.toString());
        String json = Files.readString(report);
        assertTrue(json.contains("\"table\":\"events\",\"sourceRows\":4,\"copied\":2,\"rejected\":2"), json);
        assertTrue(json.contains("\"table\":\"tickets\",\"sourceRows\":4,\"copied\":3,\"rejected\":1"), json);
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals("1 first,e4 same time as a removed row",
                    text(s, "SELECT string_agg(id || ' ' || name, ',' ORDER BY id) FROM \"events\""));
            assertEquals(2, single(s, "SELECT count(*) FROM pg_constraint WHERE conrelid = '\"events\"'::regclass"
                    + " AND contype IN ('p', 'u') OR conname = 'tickets_eventId_fkey' AND convalidated"));
            assertEquals(1, single(s, "SELECT count(*) FROM pg_indexes WHERE indexname = 'events_at_key'"));
            assertEquals(0, single(s, "SELECT count(*) FROM pg_attribute WHERE attname = '_partpal_rowid' AND NOT attisdropped"));
        }
    }

    @Test
    void jobsBeyondTheConnectionLimitAreLoweredWithANotice() throws Exception {
        PostgresUrl target = SharedPostgres.freshDatabase();
        String url = target.connectionString() + (target.connectionString().contains("?") ? "&" : "?") + "connection_limit=1&pool_timeout=2";
        CliRun run = CliRun.of("migrate", "--from", clean.toString(), "--to", url, "--jobs", "4",
                "--report", dir.resolve("limited.json").toString());
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(1, run.out().lines().filter(l -> l.contains("--jobs 4 lowered to 1, the target's connection_limit")).count(),
                run.out());
    }

    @Test
    void planShowsTheCensus() {
        CliRun run = CliRun.of("plan", "--from", dirty.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("epoch-ms"), run.out());
        assertTrue(run.out().contains("-> timestamp(3)"), run.out());
        assertTrue(run.out().contains("foreign key parts_categoryId_fkey"), run.out());
    }

    static Connection connect(PostgresUrl url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", url.user());
        p.setProperty("password", url.password());
        return DriverManager.getConnection(url.jdbcUrl(), p);
    }

    static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
