package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * Partial indexes: the WHERE clause is written for PostgreSQL as CHECK constraints are ([x], `x` and mixed-case bare
 * names quoted "x"); one PostgreSQL still refuses is not built, and the plan and the report say so, never a failure
 * after the load.
 */
class PartialIndexCommandTest {
    @TempDir
    Path dir;

    @Test
    void railsAndDjangoPartialUniqueIndexesInEachQuotingStyleAreBuiltAndEnforced() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("app.sqlite3"),
                // Rails: double quotes; a MySQL-minded migration: backticks; a hand-written one: brackets, mixed case
                "CREATE TABLE \"users\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"email\" varchar NOT NULL,"
                        + " \"deleted_at\" datetime(6))",
                "CREATE UNIQUE INDEX \"index_users_on_email\" ON \"users\" (\"email\") WHERE \"deleted_at\" IS NULL",
                "CREATE TABLE `accounts` (`id` integer PRIMARY KEY, `Slug` varchar(50) NOT NULL, `Active` integer NOT NULL)",
                "CREATE UNIQUE INDEX `accounts_active_slug` ON `accounts` (`Slug`) WHERE `Active` = 1",
                "CREATE TABLE [Tickets] ([Id] integer PRIMARY KEY, [Code] text, [ClosedAt] text, [Priority] integer)",
                "CREATE UNIQUE INDEX [UX_Tickets_Code_Open] ON [Tickets] ([Code]) WHERE [ClosedAt] IS NULL AND Priority > 0;",
                // Django: UniqueConstraint(condition=Q(archived=False))
                "CREATE TABLE \"blog_post\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"slug\" varchar(50) NOT NULL,"
                        + " \"archived\" bool NOT NULL)",
                "CREATE UNIQUE INDEX \"unique_live_slug\" ON \"blog_post\" (\"slug\") WHERE NOT \"archived\"",
                // a bool column compared with 0 as SQLite stores it: PostgreSQL has no boolean = integer
                "CREATE INDEX \"blog_post_recent\" ON \"blog_post\" (\"id\") WHERE `archived` = 0 OR [slug] <> ''",
                "INSERT INTO users VALUES (1, 'a@x', '2024-01-01 10:00:00.000000'), (2, 'a@x', NULL)",
                "INSERT INTO accounts VALUES (1, 'acme', 0), (2, 'acme', 1)",
                "INSERT INTO Tickets VALUES (1, 'T1', '2024-01-01', 1), (2, 'T1', NULL, 1), (3, 'T2', NULL, 0), (4, 'T2', NULL, 0)",
                "INSERT INTO blog_post VALUES (1, 'hello', 1), (2, 'hello', 0)");
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun plan = CliRun.of("plan", "--from", db.toString());
        assertEquals(0, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("unique index UX_Tickets_Code_Open (Code) WHERE \"ClosedAt\" IS NULL AND \"Priority\" > 0"),
                plan.out());
        assertTrue(plan.out().contains("WHERE \"Active\" = 1 (tried on PostgreSQL first"), plan.out());
        String json = IdenticalMigration.report(db, target, dir.resolve("r.json"));
        assertTrue(json.contains("\"schemaChoices\":[{\"kind\":\"partial index\",\"object\":\"blog_post.blog_post_recent"
                + " WHERE \\\"archived\\\" = 0 OR \\\"slug\\\" <> ''\",\"action\":\"not created\",\"reason\":"
                + "\"PostgreSQL: operator does not exist: boolean = integer\"}]"), json);
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals("CREATE UNIQUE INDEX \"UX_Tickets_Code_Open\" ON public.\"Tickets\" USING btree (\"Code\")"
                    + " WHERE ((\"ClosedAt\" IS NULL) AND (\"Priority\" > 0))",
                    text(s, "SELECT indexdef FROM pg_indexes WHERE indexname = 'UX_Tickets_Code_Open'"));
            assertEquals(4, single(s, "SELECT count(*) FROM pg_indexes WHERE indexdef LIKE '% WHERE %'"));
            s.execute("INSERT INTO users VALUES (3, 'a@x', now())"); // outside the predicate: allowed
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO users VALUES (4, 'a@x', NULL)"));
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO accounts VALUES (3, 'acme', 1)"));
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO \"Tickets\" VALUES (5, 'T1', NULL, 2)"));
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO blog_post VALUES (3, 'hello', false)"));
        }
    }

    @Test
    void aWhereClausePostgresqlRefusesLeavesThatIndexOutAndTheReportNamesIt() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("sessions.db"),
                "CREATE TABLE [sessions] ([id] integer PRIMARY KEY, [token] text NOT NULL, [expires_at] text, [user_id] integer)",
                // SQLite-only function: PostgreSQL has no datetime()
                "CREATE UNIQUE INDEX [sessions_live_token] ON [sessions] ([token]) WHERE datetime([expires_at]) > '2000-01-01'",
                "CREATE INDEX `sessions_by_user` ON `sessions` (`user_id`) WHERE `expires_at` GLOB '2*'",
                "CREATE UNIQUE INDEX [sessions_token_set] ON [sessions] ([token]) WHERE [expires_at] IS NOT NULL",
                "INSERT INTO sessions VALUES (1, 'a', '2030-01-01', 1), (2, 'a', NULL, 1)");
        PostgresUrl target = SharedPostgres.freshDatabase();
        String json = IdenticalMigration.report(db, target, dir.resolve("r.json"));
        assertTrue(json.contains("{\"kind\":\"partial index\",\"object\":\"sessions.sessions_live_token WHERE"
                + " datetime(\\\"expires_at\\\") > '2000-01-01'\",\"action\":\"not created\",\"reason\":"
                + "\"PostgreSQL: function datetime(text) does not exist\"}"), json);
        assertTrue(json.contains("\"object\":\"sessions.sessions_by_user WHERE \\\"expires_at\\\" GLOB '2*'\","
                + "\"action\":\"not created\""), json);
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals("sessions_pkey,sessions_token_set", text(s, "SELECT string_agg(indexname, ',' ORDER BY indexname)"
                    + " FROM pg_indexes WHERE tablename = 'sessions'"));
            assertEquals(2, single(s, "SELECT count(*) FROM sessions"));
        }
    }
}
