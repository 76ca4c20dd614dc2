package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupCatalogs;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.RestoreConfirmation;
import com.partpal.db.domain.backup.BackupManifest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Builds the backup use cases over a catalogue directory (the one given, else the configured default), for the
 * commands and the HTTP jobs alike.
 */
public final class BackupServices {
    private final BackupEngines engines;
    private final BackupCatalogs catalogs;
    private final Path defaultDirectory;
    private final Clock clock;
    private final RestoreConfirmation confirmation;

    public BackupServices(List<BackupEngine> engines, BackupCatalogs catalogs, Path defaultDirectory, Clock clock,
                          RestoreConfirmation confirmation) {
        this.engines = new BackupEngines(engines);
        this.catalogs = catalogs;
        this.defaultDirectory = defaultDirectory;
        this.clock = clock;
        this.confirmation = confirmation;
    }

    /** The directory given, else the default; absolute, so that jobs name the same catalogue the same way. */
    public Path directory(Path option) {
        return (option != null ? option : defaultDirectory).toAbsolutePath().normalize();
    }

    public BackupCatalog catalog(Path dir) {
        return catalogs.open(directory(dir));
    }

    public BackupUseCase backup(Path dir) {
        BackupCatalog catalog = catalog(dir);
        return new BackupUseCase(engines, catalog, new PruneUseCase(engines, catalog, clock), clock);
    }

    /** The backups of one database (--db: URL, file or label; null when the catalogue holds one), oldest first. */
    public List<BackupManifest> backupsOf(Path dir, String database) {
        CatalogueSelection selection = new CatalogueSelection(engines, catalog(dir));
        return selection.backupsOf(selection.select(database));
    }

    public PruneUseCase prune(Path dir) {
        return new PruneUseCase(engines, catalog(dir), clock);
    }

    public DeleteBackupUseCase delete(Path dir) {
        return new DeleteBackupUseCase(catalog(dir), confirmation);
    }

    public FreshnessUseCase freshness(Path dir) {
        return new FreshnessUseCase(engines, catalog(dir), clock);
    }

    public VerifyBackupUseCase verify(Path dir) {
        return new VerifyBackupUseCase(engines, catalog(dir), clock);
    }

    public RestoreUseCase restore(Path dir) {
        return new RestoreUseCase(engines, catalog(dir), confirmation);
    }
}
