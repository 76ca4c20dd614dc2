package com.partpal.db.adapters.files.s3;

import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.application.port.backup.PendingBackup;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.BackupManifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A backup staged on this machine ({@code .<id>.<ext>.partial} in the staging directory) on its way to S3. Commit
 * uploads the backup (and the roles file), reads each back and compares its SHA-256 with the manifest's, and writes
 * the manifest last, then the latest pointer: until the manifest is there nothing lists the backup, and a failure
 * before it removes what was uploaded.
 */
final class S3PendingBackup implements PendingBackup {
    private final String id;
    private final S3Objects objects;
    private final LocalSide local;
    private final Path file;
    private final Path globalsFile;
    private final String dayKey;
    private final String databaseKey;

    S3PendingBackup(String id, BackupFormat format, S3Objects objects, LocalSide local, Path staging, String dayKey,
                    String databaseKey) {
        this.id = id;
        this.objects = objects;
        this.local = local;
        this.dayKey = dayKey;
        this.databaseKey = databaseKey;
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new BackupFailedException("cannot create the staging directory " + staging + ": " + e.getMessage(), e);
        }
        this.file = staging.resolve("." + id + "." + format.extension() + ".partial");
        this.globalsFile = staging.resolve("." + id + S3BackupCatalog.GLOBALS + ".partial");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new BackupFailedException("backup file " + file + " was not written: " + e.getMessage(), e);
        }
    }

    @Override
    public String sha256() {
        return local.sha256(file);
    }

    @Override
    public Path globalsFile() {
        return globalsFile;
    }

    @Override
    public String globalsSha256() {
        return Files.exists(globalsFile) ? local.sha256(globalsFile) : null;
    }

    @Override
    public BackupManifest commit(BackupManifest manifest) {
        String backupKey = dayKey + id + "." + manifest.storedExtension();
        String globalsKey = dayKey + id + S3BackupCatalog.GLOBALS;
        boolean globals = Files.exists(globalsFile);
        try {
            upload(file, backupKey, manifest.sha256());
            if (globals) {
                upload(globalsFile, globalsKey, manifest.globalsSha256());
            }
            objects.putText(dayKey + id + S3BackupCatalog.MANIFEST, manifest.toJson() + "\n");
        } catch (RuntimeException e) {
            removeQuietly(backupKey);
            removeQuietly(globalsKey);
            throw e;
        }
        objects.putText(databaseKey + "latest", id + "\n");
        return manifest;
    }

    private void upload(Path from, String key, String sha256) {
        objects.upload(from, key);
        String stored = objects.sha256(key);
        if (!stored.equals(sha256)) {
            throw new BackupFailedException("the upload of " + id + " to " + objects.location() + " arrived changed:"
                    + " its SHA-256 there is " + stored + ", not " + sha256 + "; the backup was not catalogued");
        }
    }

    private void removeQuietly(String key) {
        try {
            objects.delete(key);
        } catch (RuntimeException ignored) {
            // an object without manifest is never listed; the bucket's lifecycle rule may remove it
        }
    }

    @Override
    public void close() {
        local.delete(file);
        local.delete(globalsFile);
        for (String suffix : new String[] {"-journal", "-wal", "-shm"}) {
            local.delete(file.resolveSibling(file.getFileName() + suffix));
        }
    }
}
