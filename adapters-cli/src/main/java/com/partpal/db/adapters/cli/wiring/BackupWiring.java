package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.adapters.cli.backup.ConsoleConfirmation;
import com.partpal.db.adapters.files.FileBackupCatalog;
import com.partpal.db.adapters.postgres.backup.DirectUrlBackupEngine;
import com.partpal.db.adapters.postgres.backup.PgDumpBackupEngine;
import com.partpal.db.adapters.sqlite.backup.SqliteBackupEngine;
import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.domain.ops.DirectConnection;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Wires the backup use cases for the commands and the HTTP jobs: one engine per database kind, the file catalogue
 * (default directory $PARTPAL_BACKUP_DIR, else ./backups), the UTC clock and the terminal confirmation.
 */
@Factory
public class BackupWiring {
    @Singleton
    BackupServices backupServices() {
        List<BackupEngine> engines = List.of(new DirectUrlBackupEngine(new PgDumpBackupEngine(),
                System.getenv(DirectConnection.VARIABLE)),
                new SqliteBackupEngine());
        return new BackupServices(engines, FileBackupCatalog::new, defaultDirectory(), Clock.systemUTC(),
                new ConsoleConfirmation());
    }

    /** The catalogue directory when none is given: $PARTPAL_BACKUP_DIR, else ./backups. */
    public static Path defaultDirectory() {
        String env = System.getenv("PARTPAL_BACKUP_DIR");
        return Path.of(env == null || env.isBlank() ? "backups" : env);
    }
}
