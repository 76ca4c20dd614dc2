package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.CatalogueLock;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.CatalogueDatabase;
import com.partpal.db.domain.backup.RetentionPolicy;

import java.time.Clock;
import java.util.List;

/**
 * Deletes the backups of one database that the retention policy lets go (or only lists them on a dry run), under
 * that database's lock. The newest good backup always stays.
 */
public final class PruneUseCase {
    private final BackupEngines engines;
    private final BackupCatalog catalog;
    private final Clock clock;

    public PruneUseCase(BackupEngines engines, BackupCatalog catalog, Clock clock) {
        this.engines = engines;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** @param database --db: a URL, file or label; null when the catalogue holds one database */
    public List<BackupManifest> prune(RetentionPolicy policy, String database, boolean dryRun) {
        CatalogueDatabase selected = new CatalogueSelection(engines, catalog).select(database);
        try (CatalogueLock lock = catalog.lock(selected, false)) {
            return pruneLocked(policy, selected, dryRun);
        }
    }

    /** With the database's lock already held (after a backup). */
    List<BackupManifest> pruneLocked(RetentionPolicy policy, CatalogueDatabase database, boolean dryRun) {
        List<BackupManifest> doomed = policy.toDelete(
                new CatalogueSelection(engines, catalog).backupsOf(database), clock.instant());
        if (!dryRun) {
            doomed.forEach(catalog::delete);
        }
        return doomed;
    }
}
