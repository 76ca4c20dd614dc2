package com.partpal.db.application.engine;

import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.engine.DatabaseEngine;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.Secrets;

import java.util.Comparator;
import java.util.List;

/** The registered engines; picks the one a location belongs to. */
public final class DatabaseEngines {
    private final List<DatabaseEngine> engines;

    /** In any order: the fallback engine is asked last. */
    public DatabaseEngines(List<DatabaseEngine> engines) {
        this.engines = engines.stream().sorted(Comparator.comparing(DatabaseEngine::fallback)).toList();
    }

    /** The engine that recognises the location, else the fallback engine. */
    public DatabaseEngine forLocation(String location) {
        return engines.stream().filter(e -> e.recognises(location)).filter(e -> !e.fallback()).findFirst()
                .or(() -> engines.stream().filter(DatabaseEngine::fallback).findFirst())
                .orElseThrow(() -> new BadInputException("no database engine for " + Secrets.mask(location)));
    }

    /** Every engine's backup engine, in the same order. */
    public List<BackupEngine> backupEngines() {
        return engines.stream().map(DatabaseEngine::backups).toList();
    }
}
