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

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
