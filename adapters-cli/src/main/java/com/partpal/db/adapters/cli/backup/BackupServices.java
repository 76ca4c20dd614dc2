package com.partpal.db.adapters.cli.backup;

import com.partpal.db.application.backup.BackupEngines;
import com.partpal.db.application.backup.BackupUseCase;
import com.partpal.db.application.backup.PruneUseCase;
import com.partpal.db.application.backup.RestoreUseCase;
import com.partpal.db.application.backup.VerifyBackupUseCase;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.RestoreConfirmation;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Builds the backup use cases over the catalogue a command names with --dir (default PARTPAL_BACKUP_DIR or ./backups). */
public final class BackupServices {
    private final BackupEngines engines;
    private final Clock clock;
    private final RestoreConfirmation confirmation;

    public BackupServices(List<BackupEngine> engines, Clock clock, RestoreConfirmation confirmation) {
        this.engines = new BackupEngines(engines);
        this.clock = clock;
        this.confirmation = confirmation;
    }

    public static Path directory(Path option) {
        if (option != null) {
            return option;
        }
        String env = System.getenv("PARTPAL_BACKUP_DIR");
        return Path.of(env == null || env.isBlank() ? "backups" : env);
    }

    public FileBackupCatalog catalog(Path dir) {
        return new FileBackupCatalog(directory(dir));
    }

    public BackupUseCase backup(Path dir) {
        FileBackupCatalog catalog = catalog(dir);
        return new BackupUseCase(engines, catalog, new PruneUseCase(catalog, clock), clock);
    }

    public PruneUseCase prune(Path dir) {
        return new PruneUseCase(catalog(dir), clock);
    }

    public VerifyBackupUseCase verify(Path dir) {
        return new VerifyBackupUseCase(engines, catalog(dir), clock);
    }

    public RestoreUseCase restore(Path dir) {
        return new RestoreUseCase(engines, catalog(dir), confirmation);
    }
}
