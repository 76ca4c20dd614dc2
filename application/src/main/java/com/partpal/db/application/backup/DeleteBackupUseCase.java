package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.CatalogueLock;
import com.partpal.db.application.port.backup.RestoreConfirmation;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupManifest;

/** Removes one catalogued backup (file, manifest) after the person types its id, or with yes, under its lock. */
public final class DeleteBackupUseCase {
    private final BackupCatalog catalog;
    private final RestoreConfirmation confirmation;

    public DeleteBackupUseCase(BackupCatalog catalog, RestoreConfirmation confirmation) {
        this.catalog = catalog;
        this.confirmation = confirmation;
    }

    public BackupManifest delete(String id, boolean yes) {
        BackupManifest manifest = catalog.find(id).orElseThrow(() -> new BadInputException("no backup " + id
                + " in " + catalog.where() + " (see backups list)"));
        if (!yes) {
            if (!confirmation.canAsk()) {
                throw new BadInputException("refusing to delete backup " + id
                        + " without a terminal to confirm on: pass --yes to delete it unattended");
            }
            String what = "This deletes backup " + id + " of " + manifest.catalogueDatabase().describe() + ", taken "
                    + manifest.startedAt() + ". Type its id to go on: ";
            if (!id.equals(confirmation.ask(what))) {
                throw new BadInputException("the id typed does not match " + id + ": nothing was deleted");
            }
        }
        try (CatalogueLock lock = catalog.lock(manifest.catalogueDatabase(), false)) {
            catalog.delete(manifest);
        }
        return manifest;
    }
}
