package com.partpal.db.adapters.sqlite;

import com.partpal.db.domain.connection.SqliteLocation;
import com.partpal.db.domain.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sources an app left mid-write: a hot rollback journal, and committed rows still in a -wal file. Both read as
 * their last committed state, without a byte of the source or its journal changing.
 */
class InterruptedSourceTest {
    @TempDir
    Path dir;

    private static long rows(Path db) {
        try (SqliteSourceDatabase source = SqliteSourceDatabase.open(SqliteLocation.parse(db.toString()))) {
            source.requireIntact();
            Table t = source.readSchema().table("t").orElseThrow();
            return source.countRows(t);
        }
    }

    private static void copyAll(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void aHotRollbackJournalIsRolledBackInAPrivateCopyNotInTheSource() throws Exception {
        Path live = Files.createDirectories(dir.resolve("live"));
        Path copy = dir.resolve("crashed");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live.resolve("app.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
            s.execute("PRAGMA cache_size = 1");
            c.setAutoCommit(false);
            for (int i = 0; i < 2000; i++) {
                s.execute("INSERT INTO t (v) VALUES ('" + "x".repeat(500) + "')");
            }
            copyAll(live, copy); // the file as a crash mid-transaction leaves it
            c.rollback();
        }
        Path db = copy.resolve("app.db");
        assertTrue(Files.size(copy.resolve("app.db-journal")) > 0, "the test needs a hot journal");
        byte[] before = Files.readAllBytes(db);
        byte[] journal = Files.readAllBytes(copy.resolve("app.db-journal"));
        assertEquals(2, rows(db));
        try (SqliteSourceDatabase source = SqliteSourceDatabase.open(SqliteLocation.parse(db.toString()))) {
            assertEquals(db + " (read from a private copy: a hot rollback journal, rolled back in the copy)",
                    source.describe());
        }
        assertArrayEquals(before, Files.readAllBytes(db), "the source was written");
        assertArrayEquals(journal, Files.readAllBytes(copy.resolve("app.db-journal")), "the journal was touched");
    }

    @Test
    void committedRowsStillInTheWalAreRead() throws Exception {
        Path live = Files.createDirectories(dir.resolve("wal"));
        Path copy = dir.resolve("wal-copy");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live.resolve("app.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            copyAll(live, copy); // committed, not checkpointed: the rows are only in app.db-wal
        }
        Files.deleteIfExists(copy.resolve("app.db-shm"));
        Path db = copy.resolve("app.db");
        assertTrue(Files.size(copy.resolve("app.db-wal")) > 0);
        assertEquals(3, rows(db));
        RecoveredCopy recovered = RecoveredCopy.of(db, "-wal", "test");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + recovered.database());
             Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            assertEquals(3, rs.getLong(1), "the private copy (read-only directories) holds the WAL's rows");
        } finally {
            recovered.delete();
        }
        assertFalse(Files.exists(recovered.database()), "the copy is deleted");
    }

    @Test
    void aWalInADirectoryThisUserCannotWriteIsReadFromAPrivateCopy() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root writes into read-only directories; the copy itself is tested above");
        Path live = Files.createDirectories(dir.resolve("ro"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live.resolve("app.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (1), (2)");
            Path copy = dir.resolve("ro-copy");
            copyAll(live, copy);
            Files.deleteIfExists(copy.resolve("app.db-shm"));
            copy.toFile().setWritable(false, false);
            try {
                assertEquals(2, rows(copy.resolve("app.db")));
            } finally {
                copy.toFile().setWritable(true, true);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
