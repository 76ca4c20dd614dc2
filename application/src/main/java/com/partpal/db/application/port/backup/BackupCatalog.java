package com.partpal.db.application.port.backup;

import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.BackupManifest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The backups directory: files per database and date, a manifest beside each, a latest pointer per database. */
public interface BackupCatalog {
    /** Reserves a temporary file for a new backup; nothing is catalogued until {@link PendingBackup#commit}. */
    PendingBackup begin(String database, BackupFormat format, Instant startedAt);

    /** Every catalogued backup, oldest first. */
    List<BackupManifest> list();

    Optional<BackupManifest> find(String id);

    /** The newest backup of database, or of any database when database is null. */
    Optional<BackupManifest> latest(String database);

    /** A catalogue id, "latest", or a backup file outside the catalogue (custom dump, .sql, .sql.gz, SQLite). */
    BackupSource resolve(String reference);

    /** SHA-256 of the backup file as it is now; BadInputException when the file is missing. */
    String sha256Now(BackupSource source);

    void update(BackupManifest manifest);

    void delete(BackupManifest manifest);
}
