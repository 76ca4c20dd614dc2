package com.partpal.db.adapters.files.s3;

import com.partpal.db.application.port.backup.BackupSource;
import com.partpal.db.application.port.backup.CatalogueLock;
import com.partpal.db.domain.backup.CatalogueDatabase;
import com.partpal.db.domain.backup.DatabaseIdentity;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What a remote store takes from this machine: the local catalogue's locks, a staging directory for files on their
 * way up or down, its hashing, and its names (so a database's backups are named alike in every store).
 */
public interface LocalSide {
    /** The lock of one database's backups in a store, named by key; a held lock refuses (or waits). */
    CatalogueLock lock(String key, String what, boolean wait);

    /** A directory of this machine for temporary files; leftovers of killed runs may be removed under the lock. */
    Path staging();

    String sha256(Path file);

    /** SHA-256 of a text, in hex (for lock names). */
    String sha256Of(String text);

    /** As the local catalogue names the directory of one database's backups. */
    String directoryName(CatalogueDatabase database);

    /** As the local catalogue names a new backup of identity started at startedAt (before any -2, -3 suffix). */
    String baseId(DatabaseIdentity identity, Instant startedAt);

    /** The day directory a backup started at startedAt is filed under. */
    String day(Instant startedAt);

    /** A backup file outside any catalogue, on this machine. */
    BackupSource outsideFile(String reference);

    /** Removes the temporary files in dir that killed or failed runs left. */
    void removeLeftovers(Path dir);

    /** Deletes a local file if it is there. */
    void delete(Path file);
}
