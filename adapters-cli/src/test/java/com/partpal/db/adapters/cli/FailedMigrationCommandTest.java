package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static com.partpal.db.adapters.cli.MigrateCommandTest.connect;
import static com.partpal.db.adapters.cli.MigrateCommandTest.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run that fails after it started writing (here PostgreSQL refuses an index that SQLite took, once every table
 * is loaded) takes away what it created and its last line says so: never a half-built target, never a helper
 * column left behind.
 */
class FailedMigrationCommandTest {
    @TempDir
    Path dir;

    /** A Rails-shaped file whose last index PostgreSQL refuses (GLOB is SQLite's). */
    private Path railsFileWithAnIndexPostgresRefuses() throws Exception {
        return SqliteFiles.create(dir.resolve("rails.sqlite3"),
                "CREATE TABLE \"users\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"email\" varchar DEFAULT '' NOT NULL COLLATE NOCASE)",
                "CREATE TABLE \"posts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"user_id\" integer NOT NULL,"
                        + " \"title\" varchar, CONSTRAINT \"fk_rails_5b5ddfd518\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\"))",
                "CREATE UNIQUE INDEX \"index_users_on_email\" ON \"users\" (\"email\")",
                "CREATE INDEX \"index_posts_on_title\" ON \"posts\" (\"title\")",
                "INSERT INTO users VALUES (1, 'a@x'), (2, 'b@x')",
                // a title far above PostgreSQL's btree entry limit (2704 bytes): the index build after the load fails
                "INSERT INTO posts VALUES (1, 1, 'abc'), (2, 2, hex(randomblob(20000)))");
    }

    @Test
    void aFailureAfterTheLoadDropsTheTablesAndTheSchemaItCreated() throws Exception {
        Path db = railsFileWithAnIndexPostgresRefuses();
        PostgresUrl url = SharedPostgres.freshDatabase();
        PostgresUrl intoSchema = url.withSchema("rails");
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", intoSchema.connectionString(),
                "--report", dir.resolve("r.json").toString());
        assertEquals(1, run.exitCode(), run.all());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("error: failed: CREATE INDEX"), lines.get(0));
        assertTrue(lines.get(0).endsWith("; the target is as before this run: dropped the 2 tables this run created and"
                + " the schema \"rails\"; fix the cause and run the same command again"), lines.get(0));
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            assertEquals(0, single(s, "SELECT count(*) FROM pg_namespace WHERE nspname = 'rails'"));
            assertEquals(0, single(s, "SELECT count(*) FROM pg_collation WHERE collname = 'partpal_nocase'"));
            assertEquals(0, single(s, "SELECT count(*) FROM pg_class WHERE relname IN ('users', 'posts')"));
        }
    }

    @Test
    void withOnExistingTruncateTheKeptTablesAreEmptiedAndLoseTheHelperColumn() throws Exception {
        Path db = railsFileWithAnIndexPostgresRefuses();
        PostgresUrl url = SharedPostgres.freshDatabase();
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id integer PRIMARY KEY, email varchar NOT NULL)");
            s.execute("INSERT INTO users VALUES (9, 'old@x')");
        }
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", url.connectionString(),
                "--on-existing", "truncate", "--report", dir.resolve("r.json").toString());
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.err().strip().endsWith("; the target is as before this run: dropped the 1 table this run created,"
                + " emptied the 1 kept by --on-existing truncate; fix the cause and run the same command again"), run.err());
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            assertEquals(0, single(s, "SELECT count(*) FROM users"));
            assertEquals(0, single(s, "SELECT count(*) FROM pg_class WHERE relname = 'posts'"));
            assertEquals(0, single(s, "SELECT count(*) FROM pg_attribute WHERE attname = '_partpal_rowid' AND NOT attisdropped"));
        }
    }
}
