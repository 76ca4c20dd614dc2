package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static com.partpal.db.adapters.cli.MigrateCommandTest.connect;
import static com.partpal.db.adapters.cli.MigrateCommandTest.single;
import static com.partpal.db.adapters.cli.MigrateCommandTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQLite generated columns (VIRTUAL and STORED) on PostgreSQL: recreated as GENERATED ALWAYS AS (...) STORED when
 * PostgreSQL accepts the expression and computes the source's values; else a plain column holding the copied values,
 * named with its expression in plan and report.
 */
class GeneratedColumnsCommandTest {
    @TempDir
    Path dir;

    @Test
    void translatableExpressionsAreRecreatedAndTheOthersKeepTheCopiedValues() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("shop.db"),
                "CREATE TABLE order_lines (id INTEGER PRIMARY KEY, \"Price\" REAL NOT NULL, qty INTEGER NOT NULL,"
                        + " name TEXT,"
                        + " total REAL GENERATED ALWAYS AS (\"Price\" * qty) VIRTUAL,"
                        + " total_stored REAL AS (Price * qty) STORED,"
                        + " a_position INTEGER GENERATED ALWAYS AS (instr(name, 'a')) STORED,"
                        + " whole_price INTEGER GENERATED ALWAYS AS (CAST(Price AS INTEGER)) VIRTUAL)",
                "CREATE INDEX order_lines_total ON order_lines (total)",
                "INSERT INTO order_lines (id, Price, qty, name) VALUES (1, 2.5, 4, 'tea'), (2, 0.1, 3, 'salt'),"
                        + " (3, 2.7, 1, NULL)");
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun plan = CliRun.of("plan", "--from", db.toString());
        assertEquals(0, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("generated column order_lines.total: GENERATED ALWAYS AS (\"Price\" * qty) STORED"),
                plan.out());
        assertTrue(plan.out().contains("generated column order_lines.total_stored: GENERATED ALWAYS AS (\"Price\" * qty) STORED"),
                plan.out());
        CliRun dry = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(), "--dry-run");
        assertTrue(dry.out().contains("generated column order_lines.a_position: GENERATED ALWAYS AS (instr(name, 'a')) STORED"),
                dry.out());

        String json = IdenticalMigration.report(db, target, dir.resolve("r.json"));
        assertTrue(json.contains("{\"kind\":\"generated column\",\"object\":\"order_lines.total\",\"action\":"
                + "\"created on PostgreSQL as GENERATED ALWAYS AS (\\\"Price\\\" * qty) STORED\""), json);
        assertTrue(json.contains("{\"kind\":\"generated column\",\"object\":\"order_lines.a_position\",\"action\":"
                + "\"not recreated: a plain column holding the copied values\",\"reason\":\"PostgreSQL: function"
                + " instr(text, unknown) does not exist"), json);
        assertTrue(json.contains("{\"kind\":\"generated column\",\"object\":\"order_lines.whole_price\",\"action\":"
                + "\"not recreated: a plain column holding the copied values\",\"reason\":\"PostgreSQL computes a"
                + " different value than the source in 1 row(s)"), json);
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals("total=s total_stored=s a_position= whole_price=", text(s, "SELECT string_agg(attname || '='"
                    + " || attgenerated::text, ' ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'order_lines'::regclass"
                    + " AND attnum > 4 AND NOT attisdropped"));
            assertEquals(0, single(s, "SELECT count(*) FROM pg_attribute WHERE attrelid = 'order_lines'::regclass"
                    + " AND attname LIKE '\\_partpal%' AND NOT attisdropped"), "no helper column survives");
            assertEquals("10 0.30000000000000004 2.7", text(s, "SELECT string_agg(total::text, ' ' ORDER BY id)"
                    + " FROM order_lines"));
            assertEquals("3 2 0", text(s, "SELECT string_agg(coalesce(a_position, 0)::text, ' ' ORDER BY id)"
                    + " FROM order_lines"));
            assertEquals("2", text(s, "SELECT whole_price FROM order_lines WHERE id = 3"), "SQLite's truncation kept");
            assertEquals(1, single(s, "SELECT count(*) FROM pg_indexes WHERE indexname = 'order_lines_total'"));
            s.execute("INSERT INTO order_lines (id, \"Price\", qty, name, a_position, whole_price) VALUES (4, 3, 3, 'x', 0, 3)");
            assertEquals("9", text(s, "SELECT total FROM order_lines WHERE id = 4"), "PostgreSQL computes new rows");
            assertThrows(SQLException.class, () -> s.execute("UPDATE order_lines SET total = 1"));
        }
        // into the tables the first run made: the generated columns' copied values go to helpers again
        String again = IdenticalMigration.report(db, target, dir.resolve("again.json"), "--on-existing", "truncate");
        assertTrue(again.contains("\"object\":\"order_lines.total\",\"action\":\"created on PostgreSQL"), again);
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals(3, single(s, "SELECT count(*) FROM order_lines"));
            assertEquals(0, single(s, "SELECT count(*) FROM pg_attribute WHERE attrelid = 'order_lines'::regclass"
                    + " AND attname LIKE '\\_partpal%' AND NOT attisdropped"));
            assertEquals(2, single(s, "SELECT count(*) FROM pg_attribute WHERE attrelid = 'order_lines'::regclass"
                    + " AND attgenerated = 's'"));
        }
    }
}
