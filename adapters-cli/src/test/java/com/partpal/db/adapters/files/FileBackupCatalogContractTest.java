package com.partpal.db.adapters.files;

import com.partpal.db.application.backup.BackupCatalogContract;
import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.PendingBackup;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

class FileBackupCatalogContractTest extends BackupCatalogContract {
    @TempDir
    Path dir;

    @Override
    protected BackupCatalog newCatalog() {
        return new FileBackupCatalog(dir.resolve("backups"));
    }

    @Override
    protected void write(PendingBackup pending, byte[] bytes) {
        try {
            Files.write(pending.file(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
