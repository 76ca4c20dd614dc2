package com.partpal.db.adapters.cli.backup;

import com.partpal.db.adapters.cli.SqliteFiles;
import com.partpal.db.adapters.files.FileBackupCatalog;
import com.partpal.db.adapters.sqlite.backup.SqliteBackupEngine;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.domain.backup.BackupManifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scenario on real SQLite files: two databases backed up into one catalogue, and every command acts on
 * the database it names and on no other.
 */
class CatalogueIdentityTest extends BackupCommandsTestBase {
    private Path shop;
    private Path other;

    @BeforeEach
    void twoDatabases() throws Exception {
        shop = SqliteFiles.create(dir.resolve("shop.db"), "CREATE TABLE part (id INTEGER PRIMARY KEY, name TEXT)",
                "INSERT INTO part VALUES (1, 'bolt'), (2, 'nut')");
        other = SqliteFiles.create(dir.resolve("other.db"), "CREATE TABLE part (id INTEGER PRIMARY KEY, name TEXT)",
                "INSERT INTO part VALUES (7, 'other database')");
    }

    @Override
    List<BackupEngine> engines() {
        return List.of(new SqliteBackupEngine());
    }

    private int backup(Path db, String... extra) {
        List<String> args = new ArrayList<>(List.of("--db", db.toString(), "--dir", catalogDir.toString()));
        args.addAll(List.of(extra));
        return run(new BackupCommand(services()), args.toArray(String[]::new));
    }

    private int backups(String... args) {
        List<String> all = new ArrayList<>(List.of("--dir", catalogDir.toString()));
        all.addAll(List.of(args));
        return run(new BackupsCommand(services()), all.toArray(String[]::new));
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

    private List<BackupManifest> all() {
        return new FileBackupCatalog(catalogDir).list();
    }

    @Test
    void restoreLatestIntoShopRestoresShopsBackupEvenWhenAnotherDatabasesIsNewer() throws Exception {
        assertEquals(0, backup(shop), err);
        now = now.plusSeconds(3600);
        assertEquals(0, backup(other), err);
        SqliteFiles.create(shop, "DELETE FROM part");

        assertEquals(0, restore("latest", "--to", shop.toString(), "--drop-database", "--dry-run"), err);
        assertTrue(out.contains("would restore backup shop.db-20240601T020000Z of SQLite file " + shop.toRealPath()
                + ", taken 2024-06-01T02:00:00Z,"), out);
        assertTrue(out.contains("into SQLite file " + shop.toRealPath()), out);

        assertEquals(0, restore("latest", "--to", shop.toString(), "--drop-database", "--yes"), err);
        assertEquals(List.of("1 bolt", "2 nut"), parts(shop));
        assertTrue(out.contains("row counts match the manifest"), out);
    }

    @Test
    void aBackupOfAnotherDatabaseNeedsTheExplicitOptionAndTheDryRunNamesBothSides() throws Exception {
        assertEquals(0, backup(shop), err);
        now = now.plusSeconds(60);
        assertEquals(0, backup(other), err);
        String otherId = all().get(1).id();

        assertEquals(2, restore(otherId, "--to", shop.toString(), "--drop-database", "--yes"));
        assertEquals("error: backup " + otherId + " is of SQLite file " + other.toRealPath() + ", not of the target"
                + " SQLite file " + shop.toRealPath() + ": pass --allow-other-database to restore it there; nothing"
                + " was restored\n", err);
        assertEquals(2, restore("latest", "--db", other.toString(), "--to", shop.toString(), "--drop-database",
                "--yes"));
        assertTrue(err.contains("pass --allow-other-database"), err);
        assertEquals(List.of("1 bolt", "2 nut"), parts(shop));

        assertEquals(0, restore("latest", "--db", "other.db", "--to", shop.toString(), "--drop-database",
                "--allow-other-database", "--dry-run"), err);
        assertTrue(out.contains("would restore backup " + otherId + " of SQLite file " + other.toRealPath()
                + ", taken 2024-06-01T02:01:00Z,\n  into SQLite file " + shop.toRealPath()), out);
        assertEquals(0, restore("latest", "--db", "other.db", "--to", shop.toString(), "--drop-database",
                "--allow-other-database", "--yes"), err);
        assertEquals(List.of("7 other database"), parts(shop));
    }

    @Test
    void withSeveralDatabasesCommandsWithoutDbRefuseAndListThem() throws Exception {
        assertEquals(0, backup(shop), err);
        now = now.plusSeconds(60);
        assertEquals(0, backup(other), err);

        assertEquals(2, backups("verify", "latest"));
        assertEquals("error: " + catalogDir + " holds backups of 2 databases: name one with --db (shop.db = SQLite"
                + " file " + shop.toRealPath() + "; other.db = SQLite file " + other.toRealPath() + ")\n", err);
        assertEquals(2, backups("prune", "--keep-last", "0"));
        assertTrue(err.contains("holds backups of 2 databases"), err);
        assertEquals(2, backups("check"));
        assertEquals(2, all().size(), "nothing was pruned");

        assertEquals(0, backups("verify", "latest", "--db", shop.toString()), err);
        assertTrue(out.startsWith("shop.db-20240601T020000Z (SQLite file " + shop.toRealPath() + "): integrity ok"), out);

        assertEquals(0, backups("list"), err);
        assertTrue(out.startsWith("DATABASE (--db)"), out);
        assertTrue(out.contains("shop.db") && out.contains("other.db") && out.contains("pass --db"), out);
        assertEquals(0, backups("list", "--db", "other.db"), err);
        assertTrue(out.startsWith("SQLite file " + other.toRealPath() + ":\n"), out);
        assertFalse(out.contains("shop.db-"), out);
    }

    @Test
    void retentionAfterABackupOfOneDatabaseNeverPrunesAnothers() throws Exception {
        for (int i = 0; i < 3; i++) {
            now = now.plusSeconds(60);
            assertEquals(0, backup(shop), err);
        }
        for (int i = 0; i < 3; i++) {
            now = now.plusSeconds(60);
            assertEquals(0, backup(other, "--keep-last", "1"), err);
        }
        assertEquals(3, all().stream().filter(m -> m.database().equals("shop.db")).count());
        assertEquals(1, all().stream().filter(m -> m.database().equals("other.db")).count());

        assertEquals(0, backups("prune", "--db", "shop.db", "--keep-last", "0", "--retention-days", "0"), err);
        assertTrue(out.startsWith("retention: 0 days or 0 newest; the newest good backup stays\n"), out);
        assertEquals(1, all().stream().filter(m -> m.database().equals("shop.db")).count(),
                "the newest good backup of shop stays");
        assertEquals(1, all().stream().filter(m -> m.database().equals("other.db")).count());
    }

    @Test
    void retentionDefaultsToThirtyDays() throws Exception {
        for (int day = 0; day < 40; day += 5) {
            now = java.time.Instant.parse("2024-06-01T02:00:00Z").plusSeconds(day * 86_400L);
            assertEquals(0, backup(shop), err);
        }
        // the last backup ran on 07-06: 06-06 is exactly 30 days old and stays, 06-01 went
        List<String> days = all().stream().map(m -> m.startedAt().toString().substring(0, 10)).toList();
        assertEquals(List.of("2024-06-06", "2024-06-11", "2024-06-16", "2024-06-21", "2024-06-26", "2024-07-01", "2024-07-06"), days);
        assertEquals(0, backups("prune", "--dry-run"), err);
        assertTrue(out.startsWith("retention: 30 days; the newest good backup stays"), out);
    }

    @Test
    void anOlderManifestWithoutIdentityIsListedAndRestoredOnlyByExplicitChoice() throws Exception {
        assertEquals(0, backup(shop), err);
        BackupManifest m = all().get(0);
        Path file = new FileBackupCatalog(catalogDir).fileOf(m);
        Path legacyDir = Files.createDirectories(catalogDir.resolve("legacy.db/2023-01-01"));
        String id = "legacy.db-20230101T020000Z";
        Files.copy(file, legacyDir.resolve(id + ".sqlite"));
        BackupManifest old = new BackupManifest(id, "legacy.db", "sqlite", m.serverVersion(), null,
                java.time.Instant.parse("2023-01-01T02:00:00Z"), java.time.Instant.parse("2023-01-01T02:00:01Z"),
                m.sizeBytes(), m.sha256(), m.format(), m.compression(), m.tableRowCounts(), null, null, null, null);
        String json = old.toJson().replace(",\"identity\":null,\"globalsSha256\":null", "");
        assertFalse(json.contains("identity"), json);
        Files.writeString(legacyDir.resolve(id + ".manifest.json"), json);

        assertEquals(0, backups("list"), err);
        assertTrue(out.contains("legacy.db (sqlite, recorded before identities: its server or file is unknown)"), out);
        Path target = dir.resolve("fresh.db");
        assertEquals(2, restore("latest", "--db", "legacy.db", "--to", target.toString(), "--yes"));
        assertTrue(err.contains("is of legacy.db (not recorded which server or file"), err);
        assertEquals(0, restore(id, "--to", target.toString(), "--yes"), err);
        assertEquals(List.of("1 bolt", "2 nut"), parts(target));
    }
}
