package com.partpal.db.adapters.files;

import com.partpal.db.adapters.files.s3.LocalSide;
import com.partpal.db.application.port.backup.BackupSource;
import com.partpal.db.application.port.backup.CatalogueLock;
import com.partpal.db.domain.backup.CatalogueDatabase;
import com.partpal.db.domain.backup.DatabaseIdentity;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A remote store's side on this machine, inside the local catalogue directory: locks in {@code DIR/.locks/} (as the
 * local catalogue's, so a killed run never leaves a stale one), staging in {@code DIR/.staging/<store hash>/}, and
 * the local catalogue's names and hashing.
 */
public final class LocalStoreSide implements LocalSide {
    private final FileBackupCatalog files;
    private final Path staging;

    public LocalStoreSide(Path directory, String store) {
        this.files = new FileBackupCatalog(directory);
        this.staging = directory.resolve(".staging").resolve(CatalogueFiles.sha256Of(store).substring(0, 16));
    }

    @Override
    public CatalogueLock lock(String key, String what, boolean wait) {
        return CatalogueLocks.acquire(files.directory().resolve(".locks").resolve("store-" + key + ".lock"), what,
                wait);
    }

    @Override
    public Path staging() {
        return staging;
    }

    @Override
    public String sha256(Path file) {
        return CatalogueFiles.sha256Of(file);
    }

    @Override
    public String sha256Of(String text) {
        return CatalogueFiles.sha256Of(text);
    }

    @Override
    public String directoryName(CatalogueDatabase database) {
        return files.databaseDirectory(database).getFileName().toString();
    }

    @Override
    public String baseId(DatabaseIdentity identity, Instant startedAt) {
        return FileBackupCatalog.safe(identity.label()) + "-" + FileBackupCatalog.STAMP.format(startedAt);
    }

    @Override
    public String day(Instant startedAt) {
        return FileBackupCatalog.DAY.format(startedAt);
    }

    @Override
    public BackupSource outsideFile(String reference) {
        return files.outsideFile(reference);
    }

    @Override
    public void removeLeftovers(Path dir) {
        FileBackupCatalog.removeLeftovers(dir);
    }

    @Override
    public void delete(Path file) {
        CatalogueFiles.deleteQuietly(file);
    }
}
