package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.PendingBackup;

/** The catalogue the use-case tests use keeps the same contract as the file catalogue. */
class FakeBackupCatalogContractTest extends BackupCatalogContract {
    private FakeBackupCatalog catalog;

    @Override
    protected BackupCatalog newCatalog() {
        catalog = new FakeBackupCatalog();
        return catalog;
    }

    @Override
    protected void write(PendingBackup pending, byte[] bytes) {
        catalog.files.put(pending.file(), bytes);
    }
}
