package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;

import static com.partpal.db.adapters.cli.MigrateCommandTest.connect;
import static com.partpal.db.adapters.cli.MigrateCommandTest.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sources in odd states: one clear line and exit 2 with the target untouched, or the committed data. */
class OddSourceCommandTest {
    @TempDir
    Path dir;

    private static void assertRefusedUntouched(CliRun run, PostgresUrl target, String start) throws Exception {
        assertEquals(2, run.exitCode(), run.all());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: " + start), run.err());
        assertFalse(run.err().contains("SQLITE_"), run.err());
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals(0, single(s, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        }
    }

    @Test
    void anEncryptedOrForeignFileAndAZeroByteFileAreRefused() throws Exception {
        PostgresUrl target = SharedPostgres.freshDatabase();
        byte[] noise = new byte[8192];
        new Random(7).nextBytes(noise);
        Path encrypted = Files.write(dir.resolve("sqlcipher.db"), noise);
        assertRefusedUntouched(CliRun.of("migrate", "--from", encrypted.toString(), "--to", target.connectionString()),
                target, "not a SQLite database (no SQLite header: another kind of file, or an encrypted database)");
        Path empty = Files.createFile(dir.resolve("empty.sqlite3"));
        assertRefusedUntouched(CliRun.of("migrate", "--from", empty.toString(), "--to", target.connectionString()),
                target, "not a SQLite database (empty file)");
    }

    @Test
    void aFileLockedByAWriterIsRefused() throws Exception {
        PostgresUrl target = SharedPostgres.freshDatabase();
        Path db = SqliteFiles.create(dir.resolve("busy.db"), "CREATE TABLE t (id INTEGER PRIMARY KEY)",
                "INSERT INTO t VALUES (1)");
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = writer.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            s.execute("INSERT INTO t VALUES (2)");
            assertRefusedUntouched(CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(),
                    "--retries", "0"), target, "SQLite database is locked by another process");
        }
    }

    @Test
    void aDjangoFileLeftWithAHotJournalMigratesItsLastCommittedState() throws Exception {
        Path live = Files.createDirectories(dir.resolve("live"));
        Path crashed = Files.createDirectories(dir.resolve("crashed"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live.resolve("db.sqlite3"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"auth_user\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"username\" varchar(150) NOT NULL UNIQUE)");
            s.execute("INSERT INTO auth_user (username) VALUES ('ann'), ('bob')");
            s.execute("PRAGMA cache_size = 1");
            c.setAutoCommit(false);
            for (int i = 0; i < 2000; i++) {
                s.execute("INSERT INTO auth_user (username) VALUES ('user" + i + "-" + "x".repeat(120) + "')");
            }
            for (String f : new String[] {"db.sqlite3", "db.sqlite3-journal"}) {
                Files.copy(live.resolve(f), crashed.resolve(f));
            }
            c.rollback();
        }
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun run = CliRun.of("migrate", "--from", crashed.resolve("db.sqlite3").toString(), "--to",
                target.connectionString(), "--report", dir.resolve("r.json").toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("read from a private copy: a hot rollback journal"), run.out());
        assertTrue(run.out().contains("verification: identical"), run.out());
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals(2, single(s, "SELECT count(*) FROM auth_user"));
        }
        assertTrue(Files.exists(crashed.resolve("db.sqlite3-journal")), "the source's journal stays");
    }
}
