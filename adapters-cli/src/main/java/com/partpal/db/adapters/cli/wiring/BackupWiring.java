package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.adapters.cli.backup.ConsoleConfirmation;
import com.partpal.db.adapters.files.FileBackupCatalog;
import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.engine.DatabaseEngines;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Wires the backup use cases for the commands and the HTTP jobs: each registered engine's backups, the file catalogue
 * (default directory $PARTPAL_BACKUP_DIR, else ./backups), the UTC clock and the terminal confirmation.
 */
@Factory
public class BackupWiring {
    @Singleton
    BackupServices backupServices(DatabaseEngines engines) {
        return new BackupServices(engines.backupEngines(), FileBackupCatalog::new, defaultDirectory(), Clock.systemUTC(),
                new ConsoleConfirmation());
    }

    /** The catalogue directory when none is given: $PARTPAL_BACKUP_DIR, else ./backups. */
    public static Path defaultDirectory() {
        String env = System.getenv("PARTPAL_BACKUP_DIR");
        return Path.of(env == null || env.isBlank() ? "backups" : env);
    }
}
