package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.Collation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static com.partpal.db.adapters.cli.MigrateCommandTest.connect;
import static com.partpal.db.adapters.cli.MigrateCommandTest.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** COLLATE NOCASE keeps its meaning on PostgreSQL; RTRIM and collations SQLite does not know are named, never fatal. */
class CollationCommandTest {
    @TempDir
    Path dir;

    @Test
    void nocaseColumnsCompareAndStayUniqueIgnoringCase() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("flask.db"),
                "CREATE TABLE user (id INTEGER PRIMARY KEY, email TEXT NOT NULL COLLATE NOCASE UNIQUE,"
                        + " code TEXT COLLATE RTRIM, nick VARCHAR(20) COLLATE nocase)",
                "CREATE TABLE post (id INTEGER PRIMARY KEY, author TEXT COLLATE NOCASE REFERENCES user (email))",
                "CREATE TABLE tag (name TEXT NOT NULL)",
                "CREATE UNIQUE INDEX tag_name_ci ON tag (name COLLATE NOCASE)",
                "INSERT INTO tag VALUES ('Tea')",
                "INSERT INTO user VALUES (1, 'Ann@Example.com', 'a  ', 'Annie'), (2, 'bob@example.com', 'b', NULL)",
                "INSERT INTO post VALUES (1, 'ann@example.COM'), (2, 'BOB@example.com')");
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun dry = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(), "--dry-run");
        assertEquals(0, dry.exitCode(), dry.all());
        assertTrue(dry.out().contains("collation user.email: COLLATE NOCASE kept as partpal_nocase"), dry.out());
        assertTrue(dry.out().contains("collation user.code: COLLATE RTRIM not carried"), dry.out());
        assertTrue(dry.out().contains("index collation tag_name_ci (tag.name): COLLATE NOCASE of the index is not"
                + " carried: the PostgreSQL index uses the column's own collation, so its uniqueness no longer ignores"
                + " case"), dry.out());
        assertTrue(dry.out().contains("CREATE COLLATION IF NOT EXISTS \"public\".\"partpal_nocase\""), dry.out());
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(),
                "--report", dir.resolve("r.json").toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("verification: identical"), run.all());
        assertTrue(Files.readString(dir.resolve("r.json")).contains("\"action\":\"COLLATE RTRIM not carried\""));
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals(1, single(s, "SELECT count(*) FROM \"user\" WHERE email = 'ANN@EXAMPLE.COM'"));
            assertEquals(1, single(s, "SELECT count(*) FROM \"user\" WHERE nick = 'annie'"));
            assertEquals(0, single(s, "SELECT count(*) FROM \"user\" WHERE code = 'a'"), "RTRIM is not kept");
            assertEquals(2, single(s, "SELECT count(*) FROM post p JOIN \"user\" u ON u.email = p.author"));
            assertEquals(1, single(s, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'"));
            SQLException duplicate = assertThrows(SQLException.class,
                    () -> s.execute("INSERT INTO \"user\" VALUES (3, 'ann@example.com', NULL, NULL)"));
            assertEquals("23505", duplicate.getSQLState());
        }
    }

    @Test
    void aCollationSqliteDoesNotKnowAsAnkiHasIsReadAndNamed() throws Exception {
        Path file = dir.resolve("collection.anki2");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            Collation.create(c, "unicase", new Collation() {
                @Override
                protected int xCompare(String a, String b) {
                    return String.CASE_INSENSITIVE_ORDER.compare(a, b);
                }
            });
            s.execute("CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,"
                    + " common blob NOT NULL) WITHOUT ROWID");
            s.execute("CREATE UNIQUE INDEX idx_decks_name ON decks (name)");
            s.execute("CREATE TABLE tags (tag text NOT NULL PRIMARY KEY COLLATE unicase, usn integer NOT NULL) WITHOUT ROWID");
            s.execute("INSERT INTO decks VALUES (1, 'Default', x'00'), (2, 'Übung', x'01')");
            s.execute("INSERT INTO tags VALUES ('leech', 0), ('Marked', -1)");
        }
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun plan = CliRun.of("plan", "--from", file.toString());
        assertEquals(0, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("collation decks.name: COLLATE unicase not carried"), plan.out());
        CliRun run = CliRun.of("migrate", "--from", file.toString(), "--to", target.connectionString(),
                "--report", dir.resolve("r.json").toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("verification: identical"), run.all());
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals(2, single(s, "SELECT count(*) FROM decks"));
            assertEquals(2, single(s, "SELECT count(*) FROM tags"));
        }
    }
}
