package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.application.port.backup.BackupSource;
import com.partpal.db.application.port.backup.CatalogueLock;
import com.partpal.db.application.port.backup.FileCopy;
import com.partpal.db.application.port.backup.PendingBackup;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.BackupRun;
import com.partpal.db.domain.backup.CatalogueDatabase;
import com.partpal.db.domain.backup.RetentionPolicy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Copies a catalogued backup into a second store (an off-site copy), byte for byte: an encrypted backup stays
 * encrypted and keeps its manifest, checksum and id. The copy is committed like a backup (manifest last, checksum
 * checked), under the database's lock in that store, recorded as a run there, and that database's backups in the
 * second store are then pruned by the same rules.
 */
public final class CopyBackupUseCase {
    private final BackupCatalog from;
    private final BackupCatalog to;
    private final FileCopy files;
    private final PruneUseCase prune;
    private final Clock clock;

    public CopyBackupUseCase(BackupCatalog from, BackupCatalog to, FileCopy files, PruneUseCase prune, Clock clock) {
        this.from = from;
        this.to = to;
        this.files = files;
        this.prune = prune;
        this.clock = clock;
    }

    public record Result(BackupManifest copy, List<BackupManifest> pruned) {
    }

    public Result copy(BackupManifest original, RetentionPolicy retention, boolean wait) {
        if (original.identity() == null) {
            throw new BadInputException("backup " + original.id() + " was made before identities were kept: copy its"
                    + " files by hand");
        }
        CatalogueDatabase database = original.catalogueDatabase();
        try (CatalogueLock lock = to.lock(database, wait)) {
            Instant startedAt = clock.instant();
            BackupManifest copy;
            try {
                copy = copyLocked(original);
            } catch (BadInputException | BackupFailedException e) {
                record(database, new BackupRun(startedAt, clock.instant(), "failed: " + e.getMessage(), null));
                throw e;
            }
            record(database, new BackupRun(startedAt, clock.instant(), BackupManifest.OK, copy.id()));
            return new Result(copy, prune.pruneLocked(retention, database, false));
        }
    }

    private BackupManifest copyLocked(BackupManifest original) {
        BackupSource source = from.source(original);
        try (PendingBackup pending = to.begin(original.identity(), original.backupFormat(), original.startedAt())) {
            files.copy(source.file(), pending.file());
            if (original.globalsSha256() != null) {
                Path globals = from.globalsOf(original).orElseThrow(() -> new BadInputException("backup "
                        + original.id() + " lacks the roles file its manifest names"));
                files.copy(globals, pending.globalsFile());
            }
            if (!pending.sha256().equals(original.sha256())) {
                throw new BadInputException("backup " + original.id() + " in " + from.where() + " does not match its"
                        + " manifest's SHA-256: it was not copied to " + to.where());
            }
            return pending.commit(original.withId(pending.id()));
        } finally {
            from.release(source);
        }
    }

    private void record(CatalogueDatabase database, BackupRun run) {
        try {
            to.recordRun(database, run);
        } catch (RuntimeException e) {
            // the copy's own outcome is what the caller must see
        }
    }
}
