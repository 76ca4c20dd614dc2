package com.partpal.db.adapters.cli.backup;

import com.partpal.db.adapters.files.CatalogueFiles;
import com.partpal.db.adapters.files.crypto.EncryptedBackupCatalog;
import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.backup.CopyBackupUseCase;
import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.RetentionPolicy;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * backup --copy-to STORE: after the backup is catalogued, the same bytes (encrypted ones stay encrypted) are copied
 * into the second store with the same manifest, checked there, and that store is pruned by the same rules. A failed
 * copy says that the first backup is safe and the copy is not.
 */
final class OffSiteCopy {
    private OffSiteCopy() {
    }

    static void run(BackupServices services, BackupCatalog from, Path dir, String copyTo, BackupManifest backup,
                    RetentionPolicy retention, boolean wait, PrintWriter out) {
        try {
            BackupCatalog to = BackupStores.open(services, dir, copyTo, true);
            if (to.where().equals(from.where())) {
                throw new BadInputException("--copy-to names the store the backup went to (" + to.where() + ")");
            }
            BackupCatalog stored = from instanceof EncryptedBackupCatalog e ? e.inner() : from;
            CopyBackupUseCase.Result r = services.copy(stored, to, CatalogueFiles::copy)
                    .copy(backup, retention, wait);
            out.printf("copied %s to %s as %s (sha256 checked there)%n", backup.id(), to.where(), r.copy().id());
            r.pruned().forEach(p -> out.println("pruned " + p.id() + " in " + to.where()));
        } catch (BadInputException e) {
            throw new BadInputException(failed(from, copyTo, backup, e));
        } catch (BackupFailedException e) {
            throw new BackupFailedException(failed(from, copyTo, backup, e), e);
        }
    }

    private static String failed(BackupCatalog from, String copyTo, BackupManifest backup, RuntimeException e) {
        return "backup " + backup.id() + " is in " + from.where() + ", but copying it to " + copyTo + " failed: "
                + e.getMessage();
    }
}
