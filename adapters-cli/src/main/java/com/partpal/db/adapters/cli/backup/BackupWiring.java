package com.partpal.db.adapters.cli.backup;

import com.partpal.db.adapters.postgres.backup.PgDumpBackupEngine;
import com.partpal.db.adapters.sqlite.backup.SqliteBackupEngine;
import com.partpal.db.application.port.backup.BackupEngine;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/** Wires the backup commands: one engine per database kind, the UTC clock and the terminal confirmation. */
@Factory
public class BackupWiring {
    @Singleton
    BackupServices backupServices() {
        List<BackupEngine> engines = List.of(new PgDumpBackupEngine(), new SqliteBackupEngine());
        return new BackupServices(engines, Clock.systemUTC(), new ConsoleConfirmation());
    }
}
