package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.BackupSource;
import com.partpal.db.application.port.backup.RestoreConfirmation;
import com.partpal.db.application.port.backup.RestoreOptions;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.RowCounts;

import java.util.List;
import java.util.Map;

/**
 * Restores a backup: integrity first (nothing is touched when the file is corrupt), then a dry run or a typed
 * confirmation, the restore itself (stopping at the first error), ANALYZE and row counts against the manifest.
 */
public final class RestoreUseCase {
    private final BackupEngines engines;
    private final BackupCatalog catalog;
    private final RestoreConfirmation confirmation;

    public RestoreUseCase(BackupEngines engines, BackupCatalog catalog, RestoreConfirmation confirmation) {
        this.engines = engines;
        this.catalog = catalog;
        this.confirmation = confirmation;
    }

    public record Request(String reference, String target, boolean dropDatabase, boolean dryRun, boolean yes,
                          int jobs) {
        /** One pg_restore job: the whole restore in a single transaction. */
        public static final int DEFAULT_JOBS = 1;
    }

    /** What would happen (dry run), or what happened. */
    public record Result(String backup, String database, boolean dryRun, boolean dropDatabase, List<String> objects,
                         Map<String, Long> expectedRowCounts, Map<String, Long> rowCounts, List<String> differences) {
        public boolean countsMatch() {
            return differences.isEmpty();
        }
    }

    /**
     * What can be refused before anything is read or written: bad jobs, an unknown backup, a target of the wrong kind.
     *
     * @return the name of the database the restore overwrites (what a confirmation must type)
     */
    public String check(Request request) {
        return plan(request).database();
    }

    private record Plan(BackupSource source, BackupEngine engine, String database) {
    }

    private Plan plan(Request request) {
        if (request.jobs() < 1) {
            throw new BadInputException("--jobs must be 1 or more, not " + request.jobs());
        }
        BackupSource source = catalog.resolve(request.reference());
        BackupEngine engine = engines.forFormat(source.format());
        if (!engine.accepts(request.target())) {
            throw new BadInputException("a " + engine.engine() + " backup restores into a " + engine.engine()
                    + " target, not " + request.target());
        }
        return new Plan(source, engine, engine.databaseName(request.target()));
    }

    public Result restore(Request request) {
        Plan plan = plan(request);
        BackupSource source = plan.source();
        BackupEngine engine = plan.engine();
        String database = plan.database();
        IntegrityCheck.check(catalog, engine, source);
        Map<String, Long> expected = source.manifest() == null ? Map.of() : source.manifest().tableRowCounts();
        if (request.dryRun()) {
            return new Result(source.name(), database, true, request.dropDatabase(),
                    engine.archiveContents(source.file(), source.format()), expected, Map.of(), List.of());
        }
        if (!request.yes()) {
            confirm(database);
        }
        engine.restore(source.file(), source.format(), request.target(),
                new RestoreOptions(request.dropDatabase(), request.jobs()));
        Map<String, Long> counts = engine.analyzeAndCount(request.target());
        List<String> differences = source.manifest() == null ? List.of() : RowCounts.differences(expected, counts);
        return new Result(source.name(), database, false, request.dropDatabase(), List.of(), expected, counts,
                differences);
    }

    private void confirm(String database) {
        if (!confirmation.canAsk()) {
            throw new BadInputException("refusing to restore into " + database
                    + " without a terminal to confirm on: pass --yes to restore unattended");
        }
        String typed = confirmation.ask("This overwrites database " + database + ". Type its name to go on: ");
        if (!database.equals(typed)) {
            throw new BadInputException("the name typed does not match " + database + ": nothing was restored");
        }
    }
}
