package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static com.partpal.db.adapters.cli.MigrateCommandTest.connect;
import static com.partpal.db.adapters.cli.MigrateCommandTest.single;
import static com.partpal.db.adapters.cli.MigrateCommandTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A column and a view whose names PostgreSQL cannot keep (more than 63 bytes) are shortened, and the CHECK
 * constraints, generated columns, partial index predicates and views that refer to them are rewritten to the new
 * names; one that cannot be rewritten with certainty is not created and is named in the plan and the report.
 */
class RenamedReferencesCommandTest {
    private static final String COLUMN = "MeasuredValueInTheOriginalUnitsBeforeAnyConversionWasAppliedToTheReading";
    private static final String VIEW = "readings_with_a_rather_long_view_name_that_goes_past_the_limit_of_postgres";

    @TempDir
    Path dir;

    @Test
    void objectsReferringToRenamedNamesAreRewrittenOrNamedAsNotCreated() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("lab.db"),
                "CREATE TABLE readings (id INTEGER PRIMARY KEY, \"" + COLUMN + "\" REAL NOT NULL CHECK (\"" + COLUMN
                        + "\" >= 0), factor REAL NOT NULL, scaled REAL GENERATED ALWAYS AS (" + COLUMN + " * factor) VIRTUAL,"
                        + " status TEXT, CONSTRAINT odd CHECK (status <> '" + COLUMN + "'))",
                "CREATE INDEX readings_positive ON readings (factor) WHERE [" + COLUMN + "] > 0",
                "CREATE VIEW " + VIEW + " AS SELECT id, " + COLUMN.toLowerCase() + " FROM readings",
                "CREATE VIEW big_readings AS SELECT * FROM " + VIEW + " WHERE \"" + COLUMN + "\" > 10",
                "INSERT INTO readings (id, " + COLUMN + ", factor, status) VALUES (1, 5, 2, 'ok'), (2, 20, 0.5, NULL)");
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun plan = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(), "--dry-run");
        assertEquals(0, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("name view " + VIEW + ": renamed to " + VIEW.substring(0, 54) + "_"), plan.out());
        assertTrue(plan.out().contains("check readings: not created (it refers to a renamed object: the string '"
                + COLUMN + "' names a renamed object)"), plan.out());
        String json = IdenticalMigration.report(db, target, dir.resolve("r.json"));
        assertTrue(json.contains("\"kind\":\"check\",\"object\":\"readings\",\"action\":\"not created\""), json);
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            String column = text(s, "SELECT attname FROM pg_attribute WHERE attrelid = 'readings'::regclass AND attnum = 2");
            assertTrue(column.matches(COLUMN.substring(0, 54) + "_[0-9a-f]{8}"), column);
            assertEquals(1, single(s, "SELECT count(*) FROM pg_constraint WHERE contype = 'c' AND conrelid = 'readings'::regclass"
                    + " AND pg_get_constraintdef(oid) LIKE '%" + column + "%>= %'"), "the CHECK on the renamed column");
            assertEquals("s", text(s, "SELECT attgenerated::text FROM pg_attribute WHERE attrelid = 'readings'::regclass"
                    + " AND attname = 'scaled'"));
            assertEquals("10 10", text(s, "SELECT string_agg(scaled::text, ' ' ORDER BY id) FROM readings"));
            assertTrue(text(s, "SELECT indexdef FROM pg_indexes WHERE indexname = 'readings_positive'")
                    .endsWith("WHERE (\"" + column + "\" > (0)::double precision)"));
            String view = text(s, "SELECT viewname FROM pg_views WHERE viewname LIKE 'readings_with_a_rather%'");
            assertTrue(view.matches(VIEW.substring(0, 54) + "_[0-9a-f]{8}"), "shortened by partpal-db, not cut: " + view);
            assertEquals(2, single(s, "SELECT count(*) FROM \"" + view + "\""));
            assertEquals(1, single(s, "SELECT count(*) FROM big_readings"));
        }
    }
}
