package com.partpal.db.application.port.backup;

import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.BackupRun;
import com.partpal.db.domain.backup.CatalogueDatabase;
import com.partpal.db.domain.backup.DatabaseIdentity;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The backups directory: files per database and date, a manifest beside each, a latest pointer and a last-run record
 * per database. Every id and path read from a manifest is checked to stay inside the catalogue; a manifest that does
 * not is refused (BadInputException naming it).
 */
public interface BackupCatalog {
    /** The catalogue's directory, for messages (a remote store: its local staging directory). */
    Path directory();

    /** Where the catalogue is, as messages name it: its directory, or a store's URI (s3://bucket/prefix). */
    default String where() {
        return directory().toString();
    }

    /**
     * Lets go of what {@link #source} or {@link #globalsOf} fetched for a read (a remote store's downloaded copy); the
     * local catalogue's files are its own and stay.
     */
    default void release(BackupSource source) {
    }

    /**
     * Takes the lock of one database's backups in this catalogue, then removes what a killed or failed run left
     * (temporary files). Without wait a held lock is a BadInputException; with it, this blocks until it is free.
     */
    CatalogueLock lock(CatalogueDatabase database, boolean wait);

    /** Reserves a temporary file for a new backup; nothing is catalogued until {@link PendingBackup#commit}. */
    PendingBackup begin(DatabaseIdentity identity, BackupFormat format, Instant startedAt);

    /** Every catalogued backup, oldest first. */
    List<BackupManifest> list();

    Optional<BackupManifest> find(String id);

    /** The file of a catalogued backup. */
    BackupSource source(BackupManifest manifest);

    /** The roles saved beside a catalogued backup (--globals), when there are. */
    Optional<Path> globalsOf(BackupManifest manifest);

    /** A backup file outside the catalogue (custom dump, .sql, .sql.gz, SQLite), or a BadInputException. */
    BackupSource outsideFile(String path);

    /** SHA-256 of the backup file as it is now; BadInputException when the file is missing. */
    String sha256Now(BackupSource source);

    void update(BackupManifest manifest);

    void delete(BackupManifest manifest);

    void recordRun(CatalogueDatabase database, BackupRun run);

    Optional<BackupRun> lastRun(CatalogueDatabase database);
}
