package com.partpal.db.adapters.cli.backup;

import com.partpal.db.adapters.files.FileBackupCatalog;
import com.partpal.db.adapters.sqlite.backup.SqliteBackupEngine;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.adapters.cli.SqliteFiles;
import com.partpal.db.domain.backup.BackupManifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backup commands end to end on real SQLite files, a real catalogue directory and a fixed clock. */
class SqliteBackupCommandsTest extends BackupCommandsTestBase {
    private Path source;

    @BeforeEach
    void createSource() throws Exception {
        source = dir.resolve("shop.db");
        SqliteFiles.create(source, "CREATE TABLE part (id INTEGER PRIMARY KEY, name TEXT)",
                "INSERT INTO part VALUES (1, 'bolt'), (2, 'nut'), (3, 'washer')");
    }

    private static List<String> parts(Path db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name FROM part ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }

    @Override
    List<BackupEngine> engines() {
        return List.of(new SqliteBackupEngine());
    }

    private int backup(String... extra) {
        List<String> args = new ArrayList<>(List.of("--db", source.toString(), "--dir", catalogDir.toString()));
        args.addAll(List.of(extra));
        return run(new BackupCommand(services()), args.toArray(String[]::new));
    }

    private BackupManifest only(int index) {
        return new FileBackupCatalog(catalogDir).list().get(index);
    }

    private BackupManifest only() {
        List<BackupManifest> all = new FileBackupCatalog(catalogDir).list();
        assertEquals(1, all.size());
        return all.get(0);
    }

    @Test
    void backupVerifyRestoreRoundTrip() throws Exception {
        assertEquals(0, backup(), err);
        BackupManifest m = only();
        assertEquals("shop.db-20240601T020000Z", m.id());
        Path file = new FileBackupCatalog(catalogDir).fileOf(m);
        assertEquals("shop.db-20240601T020000Z.sqlite", file.getFileName().toString());
        assertEquals("2024-06-01", file.getParent().getFileName().toString());
        assertTrue(file.getParent().getParent().getFileName().toString().matches("shop\\.db-[0-9a-f]{8}"));
        assertEquals(catalogDir, file.getParent().getParent().getParent());
        assertTrue(Files.isRegularFile(file));
        assertEquals(m.id() + "\n", Files.readString(file.getParent().resolveSibling("latest")));
        assertEquals(source.toRealPath().toString(), m.identity().path());
        assertEquals(Files.size(file), m.sizeBytes());
        assertEquals(Map.of("part", 3L), m.tableRowCounts());

        now = now.plusSeconds(3600);
        assertEquals(0, run(new BackupsCommand(services()), "--dir", catalogDir.toString(), "verify", "latest",
                "--restore-test"), out + err);
        BackupManifest verified = only();
        assertEquals("ok", verified.lastVerifyResult());
        assertEquals("ok", verified.restoreTestResult());
        assertEquals(now, verified.lastRestoreTestAt());

        assertEquals(0, run(new BackupsCommand(services()), "--dir", catalogDir.toString(), "list", "--json"));
        assertTrue(out.contains("\"restoreTestResult\":\"ok\""), out);
        assertEquals(0, run(new BackupsCommand(services()), "--dir", catalogDir.toString(), "list"));
        assertTrue(out.contains(verified.id()), out);
        assertEquals(2, run(new BackupsCommand(services()), "--dir", catalogDir.toString(), "list", "--db", "other"));
        assertTrue(err.startsWith("error: no backups of other in "), err);

        Path target = dir.resolve("restored.db");
        assertEquals(0, restore("latest", "--to", target.toString(), "--yes", "--allow-other-database"), err);
        assertEquals(parts(source), parts(target));
        assertTrue(out.contains("row counts match the manifest"), out);
    }

    @Test
    void withoutTerminalAndWithoutYesNothingIsRestored() throws Exception {
        backup();
        Path target = dir.resolve("target.db");
        SqliteFiles.create(target, "CREATE TABLE part (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO part VALUES (9, 'keep')");
        assertEquals(2, restore("latest", "--to", target.toString(), "--drop-database", "--allow-other-database"));
        assertEquals("error: refusing to restore into target.db without a terminal to confirm on: pass --yes to"
                + " restore unattended\n", err);
        assertEquals(List.of("9 keep"), parts(target));
    }

    @Test
    void flippedByteTruncationAndMissingFileAreRefusedBeforeTouchingTheTarget() throws Exception {
        backup();
        Path file = new FileBackupCatalog(catalogDir).fileOf(only());
        byte[] good = Files.readAllBytes(file);
        Path target = dir.resolve("target.db");
        SqliteFiles.create(target, "CREATE TABLE part (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO part VALUES (9, 'keep')");

        byte[] flipped = good.clone();
        flipped[flipped.length - 100] ^= 0x01;
        Files.write(file, flipped);
        assertEquals(2, restore("latest", "--to", target.toString(), "--drop-database", "--yes", "--allow-other-database"));
        assertTrue(err.contains("is corrupt: its SHA-256 is"), err);

        Files.write(file, java.util.Arrays.copyOf(good, good.length / 2));
        assertEquals(2, restore("latest", "--to", target.toString(), "--drop-database", "--yes", "--allow-other-database"));
        assertTrue(err.contains("is corrupt"), err);

        Files.delete(file);
        assertEquals(2, restore("latest", "--to", target.toString(), "--drop-database", "--yes", "--allow-other-database"));
        assertEquals("error: backup file " + file + " is missing\n", err);
        assertEquals(List.of("9 keep"), parts(target));

        assertEquals(1, run(new BackupsCommand(services()), "--dir", catalogDir.toString(), "verify", "latest"));
        assertFalse(only().good());
    }

    @Test
    void aFileOutsideTheCatalogueIsRestoredWithoutManifest() throws Exception {
        backup();
        Path copy = dir.resolve("old-copy.sqlite");
        Files.copy(new FileBackupCatalog(catalogDir).fileOf(only()), copy);
        Path target = dir.resolve("from-file.db");
        assertEquals(0, restore(copy.toString(), "--to", target.toString(), "--yes"), err);
        assertEquals(parts(source), parts(target));
        assertEquals(0, restore(copy.toString(), "--to", target.toString(), "--dry-run"));
        assertTrue(out.contains("create table part"), out);
        assertTrue(out.contains("(not dropped first)"), out);
        assertEquals(0, restore(copy.toString(), "--to", target.toString(), "--dry-run", "--drop-database"));
        assertTrue(out.contains("through a new database swapped in for it once complete"), out);
    }

    @Test
    void retentionAfterEachBackupKeepsWhatThePolicySays() throws Exception {
        for (int day = 0; day < 10; day++) {
            now = Instant.parse("2024-06-01T02:00:00Z").plusSeconds(day * 86_400L);
            assertEquals(0, backup("--retention-days", "3"), err);
        }
        List<String> ids = new FileBackupCatalog(catalogDir).list().stream().map(BackupManifest::id).toList();
        assertEquals(List.of("shop.db-20240607T020000Z", "shop.db-20240608T020000Z", "shop.db-20240609T020000Z",
                "shop.db-20240610T020000Z"), ids);
        try (var days = Files.list(new FileBackupCatalog(catalogDir).fileOf(only(0)).getParent().getParent())) {
            assertEquals(6, days.count(), "four day directories, the latest pointer and the last run");
        }
        assertEquals(0, run(new BackupsCommand(services()), "--dir", catalogDir.toString(), "prune", "--keep-last", "0",
                "--retention-days", "0", "--dry-run"));
        assertEquals(3, out.lines().filter(l -> l.startsWith("would delete")).count(), out);
        assertEquals(4, new FileBackupCatalog(catalogDir).list().size());
    }

    @Test
    void missingDatabaseIsOneLineAndLeavesNoPartialFile() throws Exception {
        Files.delete(source);
        assertEquals(2, backup());
        assertEquals("error: SQLite database " + source + " does not exist\n", err);
        try (var files = Files.walk(catalogDir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".partial")));
        }
        assertEquals(List.of(), new FileBackupCatalog(catalogDir).list());
    }
}
