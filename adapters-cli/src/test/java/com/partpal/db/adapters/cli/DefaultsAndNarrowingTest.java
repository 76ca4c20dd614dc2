package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Column defaults as Rails, Knex, Sequelize and hand-written schemas declare them are carried with the same meaning
 * (checked by inserting a row that takes them all in PostgreSQL), or named in the plan and the report; values an
 * integer or boolean column cannot hold are named in the plan and rejected with a reason.
 */
class DefaultsAndNarrowingTest {
    @TempDir
    Path dir;

    @Test
    void everyDefaultIsCarriedWithItsMeaningOrNamed() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("knex.sqlite3"),
                "CREATE TABLE `settings` (`id` integer not null primary key autoincrement,"
                        + " `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,"
                        + " `local_at` datetime DEFAULT (datetime('now','localtime')),"
                        + " `day` date DEFAULT (date('now')),"
                        + " `at_text` varchar(255) DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
                        + " `epoch_s` integer DEFAULT (strftime('%s','now')),"
                        + " `epoch_ms` integer DEFAULT (CAST(strftime('%s', 'now') AS INTEGER) * 1000),"
                        + " `options` json DEFAULT (json_object()), `tags` json DEFAULT '[\"a\"]',"
                        + " `enabled` boolean DEFAULT 't', `ratio` decimal(5,2) DEFAULT 0.5, `name` text DEFAULT 'it''s',"
                        + " `seed` blob DEFAULT X'00ff', `count` bigint DEFAULT -3,"
                        + " `token` text DEFAULT (lower(hex(randomblob(16)))))",
                "INSERT INTO settings (id) VALUES (1)");
        CliRun plan = CliRun.of("plan", "--from", db.toString());
        assertEquals(0, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("settings.token: default lower(hex(randomblob(16))) is not translated (not a"
                + " literal value); the column gets no default"), plan.out());
        assertTrue(plan.out().contains("{bigint: its default strftime('%s','now') is the clock in epoch seconds"), plan.out());
        PostgresUrl target = SharedPostgres.freshDatabase();
        Path report = dir.resolve("r.json");
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(),
                "--report", report.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(Files.readString(report).contains("settings.token: default lower(hex(randomblob(16))) is not"
                + " translated"), Files.readString(report));
        try (Connection c = MigrateCommandTest.connect(target); Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            s.execute("INSERT INTO settings DEFAULT VALUES");
            try (ResultSet rs = s.executeQuery("SELECT abs(extract(epoch FROM created_at) - extract(epoch FROM now())) < 60,"
                    + " abs(extract(epoch FROM local_at) - extract(epoch FROM now())) < 60, day = CURRENT_DATE,"
                    + " at_text ~ '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$',"
                    + " abs(epoch_s - extract(epoch FROM now())) < 60, abs(epoch_ms / 1000 - extract(epoch FROM now())) < 60,"
                    + " options::text, tags::text, enabled, ratio::text, name, encode(seed, 'hex'), count, token,"
                    + " format_type((SELECT atttypid FROM pg_attribute WHERE attrelid = 'settings'::regclass AND attname = 'epoch_ms'), -1)"
                    + " FROM settings WHERE id = 2")) {
                rs.next();
                for (int i = 1; i <= 6; i++) {
                    assertTrue(rs.getBoolean(i), "default " + i);
                }
                assertEquals("{}", rs.getString(7));
                assertEquals("[\"a\"]", rs.getString(8));
                assertTrue(rs.getBoolean(9));
                assertEquals("0.50", rs.getString(10));
                assertEquals("it's", rs.getString(11));
                assertEquals("00ff", rs.getString(12));
                assertEquals(-3, rs.getLong(13));
                assertEquals(null, rs.getString(14));
                assertEquals("bigint", rs.getString(15));
            }
        }
    }

    @Test
    void anIntegerHoldingTextIsWidenedAKeyHoldingRealsAndABooleanHoldingTwoAreRejectedAllNamedInThePlan()
            throws Exception {
        // chinook.db's customers.postal_code is such a column: INTEGER holding '12227-000'
        Path db = SqliteFiles.create(dir.resolve("rails.sqlite3"),
                "CREATE TABLE \"products\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"stock\" integer,"
                        + " \"weight\" integer, \"code\" integer UNIQUE, \"active\" boolean DEFAULT 1)",
                "INSERT INTO products (stock, weight, code, active) VALUES (5, 1, 1, 1), (2.5, 2.25, 2, 0),"
                        + " ('many', 3, 3.5, 't'), (7, 4, 4, 2), (8, 123456789012345678, 5, 'f')");
        CliRun plan = CliRun.of("plan", "--from", db.toString());
        assertTrue(plan.out().contains("{widened from integer: 2 values are not whole numbers (such as 3.5 or 'abc');"
                + " every value is carried exactly as text}"), plan.out());
        assertTrue(plan.out().contains("{widened from bigint: 1 values are not whole numbers (such as 3.5 or 'abc');"
                + " every value is carried exactly as numeric}"), plan.out());
        assertTrue(plan.out().contains("products.code: 1 values are not whole numbers (such as 3.5 or 'abc'): integer"
                + " cannot hold them exactly, so their rows are rejected (a key or foreign key column keeps its type)"),
                plan.out());
        assertTrue(plan.out().contains("products.active: 1 values are neither 0/1 nor a boolean word"), plan.out());
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun dryRun = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(), "--dry-run");
        assertTrue(dryRun.out().contains("products.active: 1 values are neither 0/1"), dryRun.out());
        assertTrue(dryRun.out().contains("\"stock\" text"), dryRun.out());
        Path rejects = dir.resolve("rejects.jsonl");
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(),
                "--rejects", rejects.toString(), "--report", dir.resolve("r.json").toString());
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.out().contains("verification: identical"), run.out());
        String rejected = Files.readString(rejects);
        assertTrue(rejected.contains("not an integer: 3.5"), rejected);
        assertTrue(rejected.contains("not a boolean: 2"), rejected);
        assertEquals(2, rejected.lines().count());
        try (Connection c = MigrateCommandTest.connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(stock || '/' || weight, ' ' ORDER BY id) FROM products")) {
            rs.next();
            assertEquals("5/1 2.5/2.25 8/123456789012345678", rs.getString(1));
        }
    }
}
