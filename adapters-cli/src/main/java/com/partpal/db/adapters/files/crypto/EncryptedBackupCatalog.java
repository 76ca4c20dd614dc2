package com.partpal.db.adapters.files.crypto;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupSource;
import com.partpal.db.application.port.backup.CatalogueLock;
import com.partpal.db.application.port.backup.PendingBackup;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.BackupRun;
import com.partpal.db.domain.backup.CatalogueDatabase;
import com.partpal.db.domain.backup.DatabaseIdentity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Client-side encryption over any store (the local catalogue or S3): new backups are encrypted before the store
 * sees them when {@code encryptNew}, and encrypted backups are decrypted on the way out with the key their manifest
 * names. Before decrypting, the stored file's SHA-256 is checked against the manifest (a mismatch is left to the
 * integrity check, which reports it as corrupt); a missing or wrong key is refused in one line before anything is
 * restored. Clear copies live in the store's local directory under {@code .decrypted/} and are deleted on release.
 */
public final class EncryptedBackupCatalog implements BackupCatalog {
    private final BackupCatalog inner;
    private final BackupKeys keys;
    private final boolean encryptNew;
    /** Clear copy -> the encrypted source it was made from. */
    private final Map<Path, BackupSource> clearCopies = new ConcurrentHashMap<>();

    /** @param keys the key file's keys, or null when none was given */
    public EncryptedBackupCatalog(BackupCatalog inner, BackupKeys keys, boolean encryptNew) {
        if (encryptNew && keys == null) {
            throw new BadInputException("--encrypt needs a key: --key-file FILE or PARTPAL_DB_BACKUP_KEY_FILE (a file"
                    + " holding the base64 of 32 random bytes: openssl rand -base64 32 > FILE; chmod 600 FILE)");
        }
        this.inner = inner;
        this.keys = keys;
        this.encryptNew = encryptNew;
    }

    /** The store underneath, for copies that move the encrypted bytes as they are. */
    public BackupCatalog inner() {
        return inner;
    }

    /** Binds an encrypted file to the database it is a backup of. */
    static byte[] associatedData(BackupManifest manifest) {
        return ("partpal-db backup of " + manifest.catalogueDatabase().key()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Path directory() {
        return inner.directory();
    }

    @Override
    public String where() {
        return inner.where();
    }

    @Override
    public CatalogueLock lock(CatalogueDatabase database, boolean wait) {
        return inner.lock(database, wait);
    }

    @Override
    public PendingBackup begin(DatabaseIdentity identity, BackupFormat format, Instant startedAt) {
        PendingBackup pending = inner.begin(identity, format, startedAt);
        return encryptNew ? new EncryptingPendingBackup(pending, keys, this::hash) : pending;
    }

    private String hash(Path file) {
        return inner.sha256Now(new BackupSource(file, null, null));
    }

    @Override
    public List<BackupManifest> list() {
        return inner.list();
    }

    @Override
    public Optional<BackupManifest> find(String id) {
        return inner.find(id);
    }

    @Override
    public BackupSource source(BackupManifest manifest) {
        if (manifest.encryption() == null) {
            return inner.source(manifest);
        }
        byte[] key = keyFor(manifest);
        BackupSource encrypted = inner.source(manifest);
        if (!hash(encrypted.file()).equals(manifest.sha256())) {
            return encrypted;
        }
        Path clear = decrypt(key, manifest, encrypted, "backup " + manifest.id());
        return new BackupSource(clear, encrypted.format(), encrypted.manifest());
    }

    private byte[] keyFor(BackupManifest manifest) {
        String what = "backup " + manifest.id();
        if (keys == null) {
            throw new BadInputException(what + " is encrypted (key " + manifest.encryption().keyId() + "): give its key"
                    + " with --key-file FILE or PARTPAL_DB_BACKUP_KEY_FILE; nothing was read or restored");
        }
        return keys.key(manifest.encryption().keyId(), what);
    }

    private Path decrypt(byte[] key, BackupManifest manifest, BackupSource encrypted, String what) {
        Path clear;
        try {
            Path dir = Files.createDirectories(inner.directory().resolve(".decrypted"));
            removeStale(dir);
            clear = Files.createTempFile(dir, "." + manifest.id() + ".", ".partial");
        } catch (IOException e) {
            throw new BadInputException("cannot make room to decrypt " + what + " in " + inner.directory() + ": "
                    + e.getMessage());
        }
        try {
            StreamingCipher.decrypt(key, associatedData(manifest), encrypted.file(), clear, what);
        } catch (RuntimeException e) {
            EncryptingPendingBackup.delete(clear);
            inner.release(encrypted);
            throw e;
        }
        clearCopies.put(clear, encrypted);
        return clear;
    }

    /** Clear copies a killed restore or verify left; a day old, so that no running one's copy is taken away. */
    private static void removeStale(Path dir) throws IOException {
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(dayAgo)) {
                    EncryptingPendingBackup.delete(file);
                }
            }
        }
    }

    @Override
    public Optional<Path> globalsOf(BackupManifest manifest) {
        Optional<Path> stored = inner.globalsOf(manifest);
        if (manifest.encryption() == null || stored.isEmpty()) {
            return stored;
        }
        BackupSource encrypted = new BackupSource(stored.get(), null, manifest);
        if (!hash(stored.get()).equals(manifest.globalsSha256())) {
            return stored;
        }
        return Optional.of(decrypt(keyFor(manifest), manifest, encrypted, "the roles saved with " + manifest.id()));
    }

    @Override
    public void release(BackupSource source) {
        clearCopies.entrySet().removeIf(e -> {
            boolean mine = source.manifest() != null && e.getValue().manifest() != null
                    && e.getValue().manifest().id().equals(source.manifest().id());
            if (mine) {
                EncryptingPendingBackup.delete(e.getKey());
            }
            return mine;
        });
        inner.release(source);
    }

    @Override
    public BackupSource outsideFile(String reference) {
        return inner.outsideFile(reference);
    }

    /** A clear copy is checked by its encrypted file's checksum, the one the manifest records. */
    @Override
    public String sha256Now(BackupSource source) {
        BackupSource encrypted = clearCopies.get(source.file());
        return inner.sha256Now(encrypted != null ? new BackupSource(encrypted.file(), encrypted.format(), null)
                : source);
    }

    @Override
    public void update(BackupManifest manifest) {
        inner.update(manifest);
    }

    @Override
    public void delete(BackupManifest manifest) {
        inner.delete(manifest);
    }

    @Override
    public void recordRun(CatalogueDatabase database, BackupRun run) {
        inner.recordRun(database, run);
    }

    @Override
    public Optional<BackupRun> lastRun(CatalogueDatabase database) {
        return inner.lastRun(database);
    }
}
