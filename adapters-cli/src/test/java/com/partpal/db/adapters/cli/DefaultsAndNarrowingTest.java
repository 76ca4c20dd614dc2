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
    void anIntegerHoldingRealsAndABooleanHoldingTwoAreNamedInThePlanAndRejectedWithAReason() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("rails.sqlite3"),
                "CREATE TABLE \"products\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"stock\" integer,"
                        + " \"active\" boolean DEFAULT 1)",
                "INSERT INTO products (stock, active) VALUES (5, 1), (2.5, 0), ('many', 't'), (7, 2), (8, 'f')");
        CliRun plan = CliRun.of("plan", "--from", db.toString());
        assertTrue(plan.out().contains("products.stock: 2 values are not whole numbers"), plan.out());
        assertTrue(plan.out().contains("products.active: 1 values are neither 0/1 nor a boolean word"), plan.out());
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun dryRun = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(), "--dry-run");
        assertTrue(dryRun.out().contains("products.active: 1 values are neither 0/1"), dryRun.out());
        Path rejects = dir.resolve("rejects.jsonl");
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(),
                "--rejects", rejects.toString(), "--report", dir.resolve("r.json").toString());
        assertEquals(3, run.exitCode(), run.all());
        String rejected = Files.readString(rejects);
        assertTrue(rejected.contains("not an integer: 2.5"), rejected);
        assertTrue(rejected.contains("not an integer: 'many'"), rejected);
        assertTrue(rejected.contains("not a boolean: 2"), rejected);
        assertEquals(3, rejected.lines().count());
    }
}
