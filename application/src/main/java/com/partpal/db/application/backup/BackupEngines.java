package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupFormat;

import java.util.List;

/** Picks the engine for a location or a backup format. */
public final class BackupEngines {
    private final List<BackupEngine> engines;

    public BackupEngines(List<BackupEngine> engines) {
        this.engines = List.copyOf(engines);
    }

    public BackupEngine forLocation(String location) {
        return engines.stream().filter(e -> e.accepts(location)).findFirst()
                .orElseThrow(() -> new BadInputException("not a PostgreSQL URL or SQLite file: " + location));
    }

    public BackupEngine forFormat(BackupFormat format) {
        return engines.stream().filter(e -> e.reads(format)).findFirst()
                .orElseThrow(() -> new BadInputException("no engine reads " + format.formatName() + " backups"));
    }
}
