package com.partpal.db.adapters.cli.backup;

import com.partpal.db.adapters.files.FileBackupCatalog;
import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.adapters.postgres.backup.PgDumpBackupEngine;
import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.CatalogueDatabase;
import com.partpal.db.domain.backup.DatabaseIdentity;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One PostgreSQL database reached as 127.0.0.1 and as localhost is one database in the catalogue (its server's system
 * identifier and its name), for list, retention, restore latest and check; and a catalogue written while databases were
 * keyed by their address is read and continued in place.
 */
class OneDatabaseManyNamesTest extends BackupCommandsTestBase {
    private PostgresUrl shop;
    private String byAddress;
    private String byName;

    @BeforeEach
    void createShop() throws Exception {
        shop = SharedPostgres.freshDatabase();
        try (Connection c = PostgresPools.connect(shop); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE part (id int PRIMARY KEY)");
            s.execute("INSERT INTO part SELECT generate_series(1, 100)");
        }
        byAddress = shop.connectionString();
        byName = byAddress.replace("@127.0.0.1:", "@localhost:");
        assertTrue(byName.contains("@localhost:"), byName);
    }

    @Override
    List<BackupEngine> engines() {
        return List.of(new PgDumpBackupEngine());
    }

    private int backup(String url, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--db", url, "--dir", catalogDir.toString()));
        args.addAll(List.of(extra));
        return run(new BackupCommand(services()), args.toArray(String[]::new));
    }

    private int backups(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--dir", catalogDir.toString()));
        all.addAll(List.of(args));
        return run(new BackupsCommand(services()), all.toArray(String[]::new));
    }

    private List<Path> databaseDirectories() throws Exception {
        try (Stream<Path> dirs = Files.list(catalogDir)) {
            return dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).toList();
        }
    }

    @Test
    void localhostAnd127001AreOneDatabaseForListRetentionRestoreAndCheck() throws Exception {
        assertEquals(0, backup(byAddress), err);
        now = now.plusSeconds(60);
        assertEquals(0, backup(byName), err);
        List<BackupManifest> all = new FileBackupCatalog(catalogDir).list();
        assertEquals(2, all.size());
        assertEquals("127.0.0.1", all.get(0).identity().host(), "host kept as given, for people");
        assertEquals("localhost", all.get(1).identity().host());
        assertEquals(all.get(0).catalogueDatabase().key(), all.get(1).catalogueDatabase().key());
        assertEquals(1, databaseDirectories().size(), "one directory: " + databaseDirectories());

        assertEquals(0, backups("list"), err);
        assertTrue(out.contains(all.get(0).id()) && out.contains(all.get(1).id()), out);
        assertEquals(0, backups("check", "--db", byAddress), err);
        assertTrue(out.startsWith("FRESH: the newest good backup, " + all.get(1).id()), out);

        try (Connection c = PostgresPools.connect(shop); Statement s = c.createStatement()) {
            s.execute("DELETE FROM part WHERE id > 10");
        }
        assertEquals(0, restore("latest", "--to", byAddress, "--drop-database", "--yes"), err);
        assertTrue(out.startsWith("restored backup " + all.get(1).id() + " of PostgreSQL database " + shop.database()
                + " on localhost:"), "the newest backup, taken as localhost, is 127.0.0.1's own: " + out);
        try (Connection c = PostgresPools.connect(shop); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM part")) {
            rs.next();
            assertEquals(100, rs.getInt(1));
        }

        now = now.plusSeconds(60);
        assertEquals(0, backup(byName, "--keep-last", "1"), err);
        List<BackupManifest> left = new FileBackupCatalog(catalogDir).list();
        assertEquals(1, left.size(), "retention counted the backups taken under both names: " + left);
    }

    @Test
    void aCatalogueKeyedByAddressIsReadAndContinuedInItsOwnDirectory() throws Exception {
        assertEquals(0, backup(byAddress), err);
        BackupManifest first = new FileBackupCatalog(catalogDir).list().get(0);
        DatabaseIdentity identity = first.identity();
        // the layout written before: the directory named after the hash of host:port/database as written
        String oldName = FileBackupCatalog.safe(identity.label()) + "-"
                + new CatalogueDatabase(identity.addressKey(), identity.label(), identity).shortKey();
        Path written = databaseDirectories().get(0);
        Path old = catalogDir.resolve(oldName);
        Files.move(written, old);
        assertTrue(Files.isRegularFile(old.resolve("last-run.json")));

        assertEquals(0, backups("check"), err);
        assertTrue(out.startsWith("FRESH: the newest good backup, " + first.id()), out);
        now = now.plusSeconds(60);
        assertEquals(0, backup(byName), err);
        assertEquals(List.of(old), databaseDirectories(), "continued in the directory it had");
        assertEquals(2, new FileBackupCatalog(catalogDir).list().size());
        assertEquals(0, backups("check", "--db", byName), err);
        assertTrue(out.startsWith("FRESH: the newest good backup, " + new FileBackupCatalog(catalogDir).list().get(1).id()),
                out);
    }
}
