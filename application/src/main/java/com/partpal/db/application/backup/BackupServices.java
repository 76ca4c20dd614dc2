package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupCatalogs;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.FileCopy;
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
        return backup(catalog(dir));
    }

    /** The backups of one database (--db: URL, file or label; null when the catalogue holds one), oldest first. */
    public List<BackupManifest> backupsOf(Path dir, String database) {
        return backupsOf(catalog(dir), database);
    }

    public PruneUseCase prune(Path dir) {
        return prune(catalog(dir));
    }

    public DeleteBackupUseCase delete(Path dir) {
        return delete(catalog(dir));
    }

    public FreshnessUseCase freshness(Path dir) {
        return freshness(catalog(dir));
    }

    public VerifyBackupUseCase verify(Path dir) {
        return verify(catalog(dir));
    }

    public RestoreUseCase restore(Path dir) {
        return restore(catalog(dir));
    }

    // The same use cases over a catalogue opened by the caller (another store: s3://bucket/prefix, an encrypted one)

    public BackupUseCase backup(BackupCatalog catalog) {
        return new BackupUseCase(engines, catalog, new PruneUseCase(engines, catalog, clock), clock);
    }

    public List<BackupManifest> backupsOf(BackupCatalog catalog, String database) {
        CatalogueSelection selection = new CatalogueSelection(engines, catalog);
        return selection.backupsOf(selection.select(database));
    }

    public PruneUseCase prune(BackupCatalog catalog) {
        return new PruneUseCase(engines, catalog, clock);
    }

    public DeleteBackupUseCase delete(BackupCatalog catalog) {
        return new DeleteBackupUseCase(catalog, confirmation);
    }

    public FreshnessUseCase freshness(BackupCatalog catalog) {
        return new FreshnessUseCase(engines, catalog, clock);
    }

    public VerifyBackupUseCase verify(BackupCatalog catalog) {
        return new VerifyBackupUseCase(engines, catalog, clock);
    }

    public RestoreUseCase restore(BackupCatalog catalog) {
        return new RestoreUseCase(engines, catalog, confirmation);
    }

    /** Copies catalogued backups, byte for byte, from one store into another (backup --copy-to). */
    public CopyBackupUseCase copy(BackupCatalog from, BackupCatalog to, FileCopy files) {
        return new CopyBackupUseCase(from, to, files, new PruneUseCase(engines, to, clock), clock);
    }
}
