package com.partpal.db.adapters.sqlite;

import com.partpal.db.domain.connection.SqliteLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What --resume compares: a checkpoint of the write-ahead log alone (which changes the file's bytes, size and time) is
 * no change, while an insert, a delete, an update in place or a schema change is, in WAL and rollback-journal modes.
 */
class SqliteContentFingerprintTest {
    @TempDir
    Path dir;

    private Path database(String journalMode) {
        Path file = dir.resolve(journalMode + ".db");
        TestDatabases.create(file, "PRAGMA journal_mode=" + journalMode,
                "CREATE TABLE part (id INTEGER PRIMARY KEY, name TEXT)",
                "CREATE TABLE tag (name TEXT PRIMARY KEY, n INT) WITHOUT ROWID",
                "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 5000)"
                        + " INSERT INTO part SELECT v, 'part ' || v FROM n",
                "INSERT INTO tag VALUES ('a', 1)");
        return file;
    }

    /** The fingerprint a migrate run records: taken in its pinned snapshot. */
    private static String recorded(Path file) {
        try (SqliteSourceDatabase source = SqliteSourceDatabase.open(new SqliteLocation(file.toString()))) {
            source.pinSnapshot(1);
            return source.fingerprint();
        }
    }

    private static boolean unchangedSince(Path file, String recorded) {
        try (SqliteSourceDatabase source = SqliteSourceDatabase.open(new SqliteLocation(file.toString()))) {
            source.pinSnapshot(1);
            return source.unchangedSince(recorded);
        }
    }

    private static void execute(Connection c, String... statements) throws Exception {
        try (Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void inWalModeACheckpointIsNoChangeButEveryWriteIs() throws Exception {
        Path file = database("wal");
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            execute(app, "PRAGMA wal_autocheckpoint=0", "UPDATE part SET name = 'first' WHERE id = 7");
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            assertTrue(Files.size(wal) > 0, "the app's write is in the log");
            String before = recorded(file);
            long fileTime = Files.getLastModifiedTime(file).toMillis();

            Thread.sleep(20);
            execute(app, "PRAGMA wal_checkpoint(PASSIVE)");
            assertNotEquals(fileTime, Files.getLastModifiedTime(file).toMillis(), "the checkpoint wrote the file");
            assertTrue(unchangedSince(file, before), "a PASSIVE checkpoint changes nothing the run read");
            execute(app, "PRAGMA wal_checkpoint(TRUNCATE)");
            assertEquals(0, Files.size(wal));
            assertTrue(unchangedSince(file, before), "nor does one that empties the log");

            execute(app, "UPDATE part SET name = 'second' WHERE id = 7");
            assertFalse(unchangedSince(file, before), "an update in place grows the log");
            String afterUpdate = recorded(file);
            execute(app, "INSERT INTO part (name) VALUES ('new')", "PRAGMA wal_checkpoint(TRUNCATE)");
            assertFalse(unchangedSince(file, afterUpdate), "an insert changes the row count and highest rowid");
            String afterInsert = recorded(file);
            execute(app, "UPDATE tag SET n = 2", "DELETE FROM tag", "INSERT INTO tag VALUES ('a', 1)");
            assertFalse(unchangedSince(file, afterInsert), "writes grow the log even when they leave the counts");
            String withTag = recorded(file);
            execute(app, "CREATE INDEX part_name ON part (name)", "PRAGMA wal_checkpoint(TRUNCATE)");
            assertFalse(unchangedSince(file, withTag), "a schema change");
        }
    }

    @Test
    void inRollbackModeTheChangeCounterSeesAnUpdateInPlaceAndTheFilesTimeDoesNotMatter() throws Exception {
        Path file = database("delete");
        String before = recorded(file);
        assertTrue(before.endsWith(";wal=none"), before);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        assertTrue(unchangedSince(file, before), "only the time changed");
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            execute(app, "UPDATE part SET name = 'changed' WHERE id = 7");
        }
        assertFalse(unchangedSince(file, before), "an update in place leaves the counts but moves the change counter");
        assertFalse(SqliteContentFingerprint.unchanged("0123abcd", recorded(file)),
                "a fingerprint of an older partpal-db is not taken for this one");
    }

    @Test
    void theFingerprintIsTheSnapshotsEvenWhileTheAppWritesAfterIt() throws Exception {
        Path file = database("wal");
        try (SqliteSourceDatabase source = SqliteSourceDatabase.open(new SqliteLocation(file.toString()));
             Connection app = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            source.pinSnapshot(1);
            execute(app, "INSERT INTO part (name) VALUES ('after the snapshot')");
            String pinned = source.fingerprint();
            try (Statement s = app.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM part")) {
                rs.next();
                assertEquals(5001, rs.getInt(1));
            }
            assertEquals(pinned, source.fingerprint(), "computed once, in the snapshot");
            assertFalse(unchangedSince(file, pinned));
        }
    }
}
