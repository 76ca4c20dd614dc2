package com.partpal.db.adapters.sqlite.backup;

import com.partpal.db.application.port.backup.DumpFacts;
import com.partpal.db.application.port.backup.RestoreOptions;
import com.partpal.db.domain.backup.BackupFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Online backups while the app writes: a writer commits hundreds of times a second (its own connection, busy timeout
 * as an app would set) during the backup, in rollback-journal and WAL modes. The backup must be a consistent copy (its
 * integrity check passes and its row counts are those of one moment), no temporary file may appear beside the app's
 * database, and the writer must keep committing.
 */
class SqliteLiveBackupTest {
    @TempDir
    Path dir;
    private final SqliteBackupEngine engine = new SqliteBackupEngine();

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void aBackupUnderHundredsOfCommitsASecondIsConsistentAndLeavesNothingBesideTheDatabase(String journalMode)
            throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        Path source = app.resolve("live.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=" + journalMode);
            s.execute("CREATE TABLE filler (b BLOB)");
            s.execute("WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 6000)"
                    + " INSERT INTO filler SELECT randomblob(8000) FROM n");
            s.execute("CREATE TABLE event (id INTEGER PRIMARY KEY, at INTEGER, note TEXT)");
        }
        Set<String> before = names(app);
        Path catalogue = Files.createDirectories(dir.resolve("catalogue"));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong commits = new AtomicLong();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("PRAGMA synchronous=OFF");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO event (at, note) VALUES (?, ?)")) {
                    while (!stop.get()) {
                        insert.setLong(1, System.nanoTime());
                        insert.setString(2, "commit " + commits.get());
                        insert.executeUpdate();
                        commits.incrementAndGet();
                    }
                }
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        }, "app-writer");
        writer.start();
        Thread.sleep(300);

        int backups = 3;
        long writesBefore = commits.get();
        long started = System.nanoTime();
        long[] eventsInBackup = new long[backups];
        for (int i = 0; i < backups; i++) {
            Path file = catalogue.resolve(".live.db-" + i + ".sqlite.partial");
            DumpFacts facts = engine.dump(source.toString(), BackupFormat.SQLITE, file);
            engine.checkArchive(file, BackupFormat.SQLITE);
            assertEquals(facts.tableRowCounts().get("event"), count(file, "event"), "counts of the copy itself");
            assertEquals(6000L, facts.tableRowCounts().get("filler"));
            eventsInBackup[i] = facts.tableRowCounts().get("event");
            assertTrue(names(app).stream().allMatch(n -> n.startsWith("live.db")),
                    "nothing but the app's own files beside its database: " + names(app));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long writesDuring = commits.get() - writesBefore;
        stop.set(true);
        writer.join();
        assertNull(writerFailure.get(), () -> "the app's writer failed: " + writerFailure.get());

        double rate = writesDuring / seconds;
        System.out.printf("SQLite %s: %d backups of %.0f MB in %.2f s while the app committed %d times (%.0f commits/s);"
                + " events in the backups: %s%n", journalMode, backups, Files.size(source) / 1e6, seconds, writesDuring,
                rate, java.util.Arrays.toString(eventsInBackup));
        assertTrue(rate >= 200, "the writer committed only " + rate + " times a second");
        assertTrue(eventsInBackup[backups - 1] > eventsInBackup[0], "each backup is a newer moment");
        Set<String> after = names(app);
        after.removeAll(Set.of("live.db-wal", "live.db-shm", "live.db-journal"));
        before.removeAll(Set.of("live.db-wal", "live.db-shm", "live.db-journal"));
        assertEquals(before, after);
    }

    @Test
    void aRestoreOverAnExistingFileKeepsItsOwnerGroupAndMode() throws Exception {
        Path source = dir.resolve("shop.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x)");
            s.execute("INSERT INTO t VALUES (1), (2)");
        }
        Path backup = dir.resolve("backup.sqlite");
        engine.dump(source.toString(), BackupFormat.SQLITE, backup);
        Path target = dir.resolve("app.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE old (y)");
        }
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        view.setPermissions(PosixFilePermissions.fromString("rw-r-----"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // as root, make the owner someone else, as the app's user would be
            UserPrincipalLookupService users = target.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal nobody = users.lookupPrincipalByName("nobody");
            GroupPrincipal nogroup = users.lookupPrincipalByGroupName(Files.exists(Path.of("/etc/group"))
                    && Files.readString(Path.of("/etc/group")).contains("nogroup:") ? "nogroup" : "nobody");
            view.setOwner(nobody);
            view.setGroup(nogroup);
        }
        PosixFileAttributes wanted = view.readAttributes();

        engine.restore(backup, BackupFormat.SQLITE, target.toString(), new RestoreOptions(true, 1));
        PosixFileAttributes now = Files.readAttributes(target, PosixFileAttributes.class);
        assertEquals(wanted.owner(), now.owner());
        assertEquals(wanted.group(), now.group());
        assertEquals(PosixFilePermissions.toString(wanted.permissions()), PosixFilePermissions.toString(now.permissions()));
        assertEquals(2L, count(target, "t"));
        System.out.printf("restore kept owner %s, group %s, mode %s%n", now.owner().getName(), now.group().getName(),
                PosixFilePermissions.toString(now.permissions()));
    }

    private static Set<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return new java.util.TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static long count(Path db, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
