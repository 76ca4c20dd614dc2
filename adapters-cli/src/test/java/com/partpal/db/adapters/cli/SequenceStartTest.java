package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sequences start above the highest key the source holds, the keys of rejected rows included. */
class SequenceStartTest {
    @TempDir
    Path dir;

    @Test
    void theNextIdIsAboveRejectedRowsAndOrphans() throws Exception {
        // Rails-made shape: integer ids without AUTOINCREMENT; the last user and the last post are rejected
        Path db = SqliteFiles.create(dir.resolve("rails.sqlite3"),
                "CREATE TABLE users (id integer PRIMARY KEY NOT NULL, created_at datetime(6) NOT NULL)",
                "CREATE TABLE posts (id integer PRIMARY KEY NOT NULL, user_id integer NOT NULL"
                        + " REFERENCES users (id), title varchar)",
                "INSERT INTO users VALUES (1, '2024-01-01 10:00:00.123'), (2, '2024-01-02 10:00:00'),"
                        + " (7, 'yesterday')",
                "INSERT INTO posts VALUES (1, 1, 'a'), (40, 7, 'child of a rejected user')");
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(),
                "--report", dir.resolve("r.json").toString());
        assertEquals(3, run.exitCode(), run.all());
        try (Connection c = MigrateCommandTest.connect(target); Statement s = c.createStatement()) {
            assertEquals(2, count(s, "SELECT max(id) FROM users"));
            assertEquals(1, count(s, "SELECT max(id) FROM posts"));
            assertEquals(8, count(s, "SELECT nextval('users_id_seq')"));
            assertEquals(41, count(s, "SELECT nextval('posts_id_seq')"));
        }
    }

    @Test
    void autoincrementKeepsTheHigherSqliteSequenceAndVerifyFlagsASequenceBelowASourceKey() throws Exception {
        // Prisma-made shape: AUTOINCREMENT, the highest row deleted (sqlite_sequence 10) and a rejected row 5
        Path db = SqliteFiles.create(dir.resolve("prisma.db"),
                "CREATE TABLE \"Item\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \"flag\" BOOLEAN NOT NULL)",
                "INSERT INTO \"Item\" (id, flag) VALUES (1, 1), (5, 2), (10, 0)",
                "DELETE FROM \"Item\" WHERE id = 10");
        PostgresUrl target = SharedPostgres.freshDatabase();
        Path rejects = dir.resolve("rejects.jsonl");
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(),
                "--rejects", rejects.toString(), "--report", dir.resolve("r.json").toString());
        assertEquals(3, run.exitCode(), run.all());
        try (Connection c = MigrateCommandTest.connect(target); Statement s = c.createStatement()) {
            assertEquals(11, count(s, "SELECT nextval('\"Item_id_seq\"')"));
            s.execute("SELECT setval('\"Item_id_seq\"', 3)");
        }
        CliRun verify = CliRun.of("verify", "--from", db.toString(), "--to", target.connectionString(),
                "--rejects", rejects.toString(), "--report", dir.resolve("v.json").toString());
        assertEquals(1, verify.exitCode(), verify.all());
        assertTrue(verify.all().contains("sequence"), verify.all());
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
