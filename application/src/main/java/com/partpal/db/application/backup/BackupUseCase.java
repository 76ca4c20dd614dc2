package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.DumpFacts;
import com.partpal.db.application.port.backup.PendingBackup;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.RetentionPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Backs a database up into the catalogue: dump to a temporary file while hashing, check the archive, then commit
 * (rename, manifest, latest pointer) and prune by the retention policy.
 */
public final class BackupUseCase {
    private final BackupEngines engines;
    private final BackupCatalog catalog;
    private final PruneUseCase prune;
    private final Clock clock;

    public BackupUseCase(BackupEngines engines, BackupCatalog catalog, PruneUseCase prune, Clock clock) {
        this.engines = engines;
        this.catalog = catalog;
        this.prune = prune;
        this.clock = clock;
    }

    public record Result(BackupManifest manifest, List<BackupManifest> pruned) {
    }

    /** Refuses a location no engine takes or a format it cannot write, before anything runs; returns the database name. */
    public String check(String location, String formatOption) {
        BackupEngine engine = engines.forLocation(location);
        engine.formatFor(formatOption);
        return engine.databaseName(location);
    }

    public Result backup(String location, String formatOption, RetentionPolicy retention) {
        BackupEngine engine = engines.forLocation(location);
        BackupFormat format = engine.formatFor(formatOption);
        Instant startedAt = clock.instant();
        BackupManifest manifest;
        try (PendingBackup pending = catalog.begin(engine.databaseName(location), format, startedAt)) {
            DumpFacts facts = engine.dump(location, format, pending.file());
            engine.checkArchive(pending.file(), format);
            manifest = pending.commit(new BackupManifest(pending.id(), engine.databaseName(location), engine.engine(),
                    facts.serverVersion(), facts.toolVersion(), startedAt, clock.instant(), pending.size(),
                    pending.sha256(), format.formatName(), format.compression(), facts.tableRowCounts(),
                    null, null, null, null));
        }
        return new Result(manifest, prune.prune(retention, false));
    }
}
