package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.RetentionPolicy;

import java.time.Clock;
import java.util.List;

/** Deletes the backups the retention policy lets go (or only lists them on a dry run). */
public final class PruneUseCase {
    private final BackupCatalog catalog;
    private final Clock clock;

    public PruneUseCase(BackupCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public List<BackupManifest> prune(RetentionPolicy policy, boolean dryRun) {
        List<BackupManifest> doomed = policy.toDelete(catalog.list(), clock.instant());
        if (!dryRun) {
            doomed.forEach(catalog::delete);
        }
        return doomed;
    }
}
