package com.partpal.db.adapters.cli.backup;

import com.partpal.db.adapters.files.FileBackupCatalog;
import com.partpal.db.adapters.files.CatalogueFiles;
import com.partpal.db.adapters.cli.SqliteFiles;
import com.partpal.db.adapters.sqlite.backup.SqliteBackupEngine;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.domain.backup.BackupEncryption;
import com.partpal.db.domain.backup.BackupManifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** backup --encrypt into the local catalogue, and what restore and verify do with the right, a wrong or no key. */
class EncryptedBackupsTest extends BackupCommandsTestBase {
    private Path source;

    @Override
    List<BackupEngine> engines() {
        return List.of(new SqliteBackupEngine());
    }

    @BeforeEach
    void createSource() throws Exception {
        source = SqliteFiles.create(dir.resolve("shop.db"), "CREATE TABLE part (id INTEGER PRIMARY KEY, name TEXT)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)"
                        + " INSERT INTO part (name) SELECT 'part number ' || i FROM n");
    }

    /** A key file as the docs make one: base64 of 32 random bytes, readable by its owner only. */
    private Path keyFile(String name, String... keys) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", keys) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private int backup(String... extra) {
        List<String> args = new ArrayList<>(List.of("--db", source.toString(), "--dir", catalogDir.toString()));
        args.addAll(List.of(extra));
        return run(new BackupCommand(services()), args.toArray(String[]::new));
    }

    private BackupManifest newest() {
        return newestOf("shop.db");
    }

    private static long rows(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM part")) {
            return r.getLong(1);
        }
    }

    @Test
    void anEncryptedBackupIsStoredEncryptedAndRestoresWithItsKey() throws Exception {
        String key = newKey();
        Path keys = keyFile("backup.key", key);
        assertEquals(0, backup("--encrypt", "--key-file", keys.toString()), err);
        BackupManifest m = newest();
        assertEquals(BackupEncryption.TINK_AES256_GCM_HKDF_1MB, m.encryption().scheme());
        assertTrue(m.encryption().keyId().matches("[0-9a-f]{16}"), m.encryption().keyId());
        Path stored = new FileBackupCatalog(catalogDir).fileOf(m);
        assertTrue(stored.getFileName().toString().endsWith(".sqlite.enc"), stored.toString());
        byte[] head = Files.readAllBytes(stored);
        assertFalse(new String(head, 0, 16, StandardCharsets.ISO_8859_1).startsWith("SQLite format 3"));
        assertFalse(new String(head, StandardCharsets.ISO_8859_1).contains("part number 19999"),
                "no row is readable in the stored file");
        String manifestJson = Files.readString(stored.resolveSibling(m.id() + ".manifest.json"));
        assertFalse(manifestJson.contains(key) || manifestJson.contains(key.substring(0, 12)), manifestJson);
        try (var files = Files.walk(catalogDir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("clear")), "no clear copy is left");
        }

        assertEquals(0, run(new BackupsCommand(services()), "verify", "latest", "--dir", catalogDir.toString(),
                "--key-file", keys.toString()), err + out);
        assertTrue(out.contains("integrity ok"), out);
        Path target = dir.resolve("restored.db");
        assertEquals(0, restore("latest", "--db", source.toString(), "--to", target.toString(),
                "--allow-other-database", "--yes", "--key-file", keys.toString()), err + out);
        assertTrue(out.contains("row counts match"), out);
        assertEquals(20000, rows(target));
        try (var files = Files.walk(catalogDir)) {
            assertTrue(files.noneMatch(p -> p.toString().contains(".decrypted/") && Files.isRegularFile(p)),
                    "the clear copy made for the restore is gone");
        }
    }

    @Test
    void withoutItsKeyOrWithAnotherKeyTheRestoreIsRefusedBeforeTheTargetIsTouched() throws Exception {
        Path keys = keyFile("backup.key", newKey());
        assertEquals(0, backup("--encrypt", "--key-file", keys.toString()), err);
        String keyId = newest().encryption().keyId();
        Path target = dir.resolve("target.db");

        assertEquals(2, restore("latest", "--db", source.toString(), "--to", target.toString(),
                "--allow-other-database", "--yes"));
        assertEquals("error: backup " + newest().id() + " is encrypted (key " + keyId + "): give its key with"
                + " --key-file FILE or PARTPAL_DB_BACKUP_KEY_FILE; nothing was read or restored\n", err);
        assertFalse(Files.exists(target));

        Path other = keyFile("other.key", newKey());
        assertEquals(2, restore("latest", "--db", source.toString(), "--to", target.toString(),
                "--allow-other-database", "--yes", "--key-file", other.toString()));
        assertTrue(err.startsWith("error: backup " + newest().id() + " was encrypted with key " + keyId + ", which "
                + other + " does not hold"), err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(Files.exists(target));

        assertEquals(2, run(new BackupsCommand(services()), "verify", "latest", "--dir", catalogDir.toString()));
        assertTrue(err.contains("is encrypted (key " + keyId + ")"), err);
    }

    @Test
    void rotatedKeysStillRestoreOlderBackupsAndNewOnesUseTheFirstKey() throws Exception {
        String oldKey = newKey();
        assertEquals(0, backup("--encrypt", "--key-file", keyFile("old.key", oldKey).toString()), err);
        BackupManifest old = newest();
        now = now.plusSeconds(3600);
        String newKey = newKey();
        Path rotated = keyFile("rotated.key", "# new key first, the old one until its backups age out", newKey, oldKey);
        assertEquals(0, backup("--encrypt", "--key-file", rotated.toString()), err);
        BackupManifest fresh = newest();
        assertNotEquals(old.encryption().keyId(), fresh.encryption().keyId());
        Path target = dir.resolve("old-restored.db");
        assertEquals(0, restore(old.id(), "--to", target.toString(), "--allow-other-database", "--yes",
                "--key-file", rotated.toString()), err + out);
        assertEquals(20000, rows(target));
    }

    @Test
    void anAlteredEncryptedBackupIsCorruptAndOneWhoseManifestWasAlteredTooDoesNotDecrypt() throws Exception {
        Path keys = keyFile("backup.key", newKey());
        assertEquals(0, backup("--encrypt", "--key-file", keys.toString()), err);
        BackupManifest m = newest();
        Path stored = new FileBackupCatalog(catalogDir).fileOf(m);
        try (RandomAccessFile f = new RandomAccessFile(stored.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x01);
        }
        Path target = dir.resolve("target.db");
        assertEquals(2, restore(m.id(), "--to", target.toString(), "--allow-other-database", "--yes",
                "--key-file", keys.toString()));
        assertTrue(err.startsWith("error: backup " + m.id() + " is corrupt: its SHA-256 is"), err);
        // someone who can write the catalogue fixes the manifest's checksum too: authentication still fails
        new FileBackupCatalog(catalogDir).update(m.encrypted(m.encryption(), m.sizeBytes(),
                CatalogueFiles.sha256Of(stored), m.globalsSha256()));
        assertEquals(2, restore(m.id(), "--to", target.toString(), "--allow-other-database", "--yes",
                "--key-file", keys.toString()));
        assertEquals("error: backup " + m.id() + " does not decrypt: its encrypted data does not authenticate (it"
                + " was altered, or it is not of this database or key); nothing was restored from it\n", err);
        assertFalse(Files.exists(target));
    }

    @Test
    void encryptWithoutAKeyAndAKeyFileOthersCanReadAreRefused() throws Exception {
        assertEquals(2, backup("--encrypt"));
        assertTrue(err.startsWith("error: --encrypt needs a key: --key-file FILE or PARTPAL_DB_BACKUP_KEY_FILE"), err);
        Path open = keyFile("open.key", newKey());
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(2, backup("--encrypt", "--key-file", open.toString()));
        assertEquals("error: backup key file " + open + " may be read by other users: chmod 600 it\n", err);
        Path shortKey = keyFile("short.key", Base64.getEncoder().encodeToString(new byte[16]));
        assertEquals(2, backup("--encrypt", "--key-file", shortKey.toString()));
        assertTrue(err.contains("a key is 32 bytes, this is 16"), err);
        assertTrue(new FileBackupCatalog(catalogDir).list().isEmpty());
    }
}
