package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.application.port.backup.CatalogueLock;
import com.partpal.db.application.port.backup.DumpFacts;
import com.partpal.db.application.port.backup.PendingBackup;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.BackupRun;
import com.partpal.db.domain.backup.CatalogueDatabase;
import com.partpal.db.domain.backup.DatabaseIdentity;
import com.partpal.db.domain.backup.RetentionPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Backs a database up into the catalogue under that database's lock: dump to a temporary file, check the archive,
 * commit (rename, manifest, latest pointer), record the run (failed runs too, for monitoring), then prune that
 * database's backups, and no other's, by the retention policy.
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

    /**
     * @param retention the rules (see {@link RetentionPolicy#orDefault}); keepAll prunes nothing
     * @param wait      wait for a backup of the same database into this catalogue to finish instead of refusing
     */
    public Result backup(String location, String formatOption, RetentionPolicy retention, boolean wait) {
        return backup(location, formatOption, retention, wait, false);
    }

    /** @param globals also save the server's roles (pg_dumpall --globals-only) and keep owners and grants */
    public Result backup(String location, String formatOption, RetentionPolicy retention, boolean wait,
                         boolean globals) {
        BackupEngine engine = engines.forLocation(location);
        BackupFormat format = engine.formatFor(formatOption);
        DatabaseIdentity identity;
        try {
            identity = engine.identify(location);
        } catch (BadInputException e) {
            // recorded where backups check looks for this location: its catalogued database, else its address
            CatalogueDatabase located = new CatalogueSelection(engines, catalog).findWithoutConnecting(location)
                    .orElseGet(() -> CatalogueDatabase.of(engine.locate(location)));
            record(located, new BackupRun(clock.instant(), clock.instant(), "failed: " + e.getMessage(), null));
            throw e;
        }
        // the lock, retention and run record belong to the database itself, however its server was named
        CatalogueDatabase database = CatalogueDatabase.of(identity);
        try (CatalogueLock lock = catalog.lock(database, wait)) {
            Instant startedAt = clock.instant();
            BackupManifest manifest;
            try {
                manifest = dump(engine, location, format, startedAt, globals, identity);
            } catch (BadInputException | BackupFailedException e) {
                record(database, new BackupRun(startedAt, clock.instant(), "failed: " + e.getMessage(), null));
                throw e;
            }
            record(database, new BackupRun(startedAt, manifest.finishedAt(), BackupManifest.OK, manifest.id()));
            return new Result(manifest, prune.pruneLocked(retention, database, false));
        }
    }

    private BackupManifest dump(BackupEngine engine, String location, BackupFormat format, Instant startedAt,
                                boolean globals, DatabaseIdentity identity) {
        try (PendingBackup pending = catalog.begin(identity, format, startedAt)) {
            if (globals) {
                engine.dumpGlobals(location, pending.globalsFile());
            }
            DumpFacts facts = engine.dump(location, format, pending.file(), globals);
            engine.checkArchive(pending.file(), format);
            return pending.commit(new BackupManifest(pending.id(), engine.databaseName(location), engine.engine(),
                    facts.serverVersion(), facts.toolVersion(), startedAt, clock.instant(), pending.size(),
                    pending.sha256(), format.formatName(), format.compression(), facts.tableRowCounts(),
                    null, null, null, null, identity, globals ? pending.globalsSha256() : null));
        }
    }

    private void record(CatalogueDatabase database, BackupRun run) {
        try {
            catalog.recordRun(database, run);
        } catch (RuntimeException e) {
            // a full disk may refuse the record too; the run's own outcome is what the caller must see
        }
    }
}
