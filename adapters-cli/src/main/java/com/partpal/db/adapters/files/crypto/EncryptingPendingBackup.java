package com.partpal.db.adapters.files.crypto;

import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.application.port.backup.PendingBackup;
import com.partpal.db.domain.backup.BackupEncryption;
import com.partpal.db.domain.backup.BackupManifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A backup written in clear to a temporary dot-file beside the store's own temporary file (so the store's clean-up
 * of killed runs removes it too), checked there by the engine, then encrypted into the store's file at commit; the
 * manifest then records the encrypted file's size and SHA-256 and the key's id. The clear files are deleted as soon
 * as they are encrypted, and on close in any case.
 */
final class EncryptingPendingBackup implements PendingBackup {
    private final PendingBackup inner;
    private final BackupKeys keys;
    private final Path plain;
    private final Path plainGlobals;
    private final Function<Path, String> sha256;

    EncryptingPendingBackup(PendingBackup inner, BackupKeys keys, Function<Path, String> sha256) {
        this.inner = inner;
        this.keys = keys;
        this.sha256 = sha256;
        this.plain = inner.file().resolveSibling("." + inner.id() + ".clear.partial");
        this.plainGlobals = inner.file().resolveSibling("." + inner.id() + ".globals.clear.partial");
    }

    @Override
    public String id() {
        return inner.id();
    }

    @Override
    public Path file() {
        return plain;
    }

    @Override
    public long size() {
        try {
            return Files.size(plain);
        } catch (IOException e) {
            throw new BackupFailedException("backup file " + plain + " was not written: " + e.getMessage(), e);
        }
    }

    /** Of the clear file, until commit replaces it with the encrypted file's. */
    @Override
    public String sha256() {
        return sha256.apply(plain);
    }

    @Override
    public Path globalsFile() {
        return plainGlobals;
    }

    @Override
    public String globalsSha256() {
        return Files.exists(plainGlobals) ? sha256.apply(plainGlobals) : null;
    }

    @Override
    public BackupManifest commit(BackupManifest manifest) {
        byte[] associated = EncryptedBackupCatalog.associatedData(manifest);
        byte[] key = keys.current();
        StreamingCipher.encrypt(key, associated, plain, inner.file());
        delete(plain);
        boolean globals = Files.exists(plainGlobals);
        if (globals) {
            StreamingCipher.encrypt(key, associated, plainGlobals, inner.globalsFile());
            delete(plainGlobals);
        }
        return inner.commit(manifest.encrypted(
                new BackupEncryption(BackupEncryption.TINK_AES256_GCM_HKDF_1MB, keys.currentId()),
                inner.size(), inner.sha256(), globals ? inner.globalsSha256() : null));
    }

    @Override
    public void close() {
        delete(plain);
        delete(plainGlobals);
        for (String suffix : new String[] {"-journal", "-wal", "-shm"}) {
            delete(plain.resolveSibling(plain.getFileName() + suffix));
        }
        inner.close();
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary dot-file: the next run of this database removes it
        }
    }
}
