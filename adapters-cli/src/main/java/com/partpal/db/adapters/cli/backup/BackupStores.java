package com.partpal.db.adapters.cli.backup;

import com.partpal.db.adapters.files.LocalStoreSide;
import com.partpal.db.adapters.files.crypto.BackupKeys;
import com.partpal.db.adapters.files.crypto.EncryptedBackupCatalog;
import com.partpal.db.adapters.files.s3.S3BackupCatalog;
import com.partpal.db.adapters.files.s3.S3Connection;
import com.partpal.db.adapters.files.s3.S3Location;
import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.domain.BadInputException;

import java.nio.file.Path;

/**
 * Opens the store a command names: {@code --store s3://BUCKET/PREFIX} (S3 or an S3-compatible store; the local
 * catalogue directory then holds its locks and staging files), {@code --store DIR} (a local catalogue, as --dir), or
 * without --store the local catalogue of --dir; with neither, $PARTPAL_BACKUP_STORE when it is set, else
 * $PARTPAL_BACKUP_DIR, else ./backups.
 */
final class BackupStores {
    private BackupStores() {
    }

    /**
     * The store, decrypting encrypted backups with the keys of keyFile (else $PARTPAL_DB_BACKUP_KEY_FILE; none: an
     * encrypted backup is refused when read) and, with encrypt, encrypting new ones with its first key.
     */
    static BackupCatalog open(BackupServices services, Path dir, String store, Path keyFile, boolean encrypt) {
        Path keys = keyFile;
        String env = System.getenv("PARTPAL_DB_BACKUP_KEY_FILE");
        if (keys == null && env != null && !env.isBlank()) {
            keys = Path.of(env);
        }
        String configured = System.getenv("PARTPAL_BACKUP_STORE");
        String chosen = store == null && dir == null && configured != null && !configured.isBlank() ? configured : store;
        return new EncryptedBackupCatalog(open(services, dir, chosen, false),
                keys == null ? null : BackupKeys.read(keys), encrypt);
    }

    static BackupCatalog open(BackupServices services, Path dir, String store) {
        return open(services, dir, store, null, false);
    }

    /** @param second a store besides the --dir one (--copy-to): a directory there is another local catalogue */
    static BackupCatalog open(BackupServices services, Path dir, String store, boolean second) {
        if (store == null || store.isBlank()) {
            return services.catalog(dir);
        }
        if (S3Location.isS3(store)) {
            S3Location location = S3Location.parse(store);
            return new S3BackupCatalog(location, S3Connection.fromEnvironment(),
                    new LocalStoreSide(services.directory(dir), location.toString()));
        }
        if (store.contains("://")) {
            throw new BadInputException("--store takes s3://BUCKET/PREFIX or a directory, not " + store);
        }
        if (dir != null && !second) {
            throw new BadInputException("--store " + store + " is a directory: give it as --dir, or --store alone");
        }
        return services.catalog(Path.of(store.startsWith("file:") ? store.substring("file:".length()) : store));
    }
}
