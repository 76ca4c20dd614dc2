package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.BackupSource;
import com.partpal.db.application.port.backup.CatalogueLock;
import com.partpal.db.application.port.backup.RestoreConfirmation;
import com.partpal.db.application.port.backup.RestoreOptions;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.CatalogueDatabase;
import com.partpal.db.domain.backup.DatabaseIdentity;
import com.partpal.db.domain.backup.RowCounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Restores a backup: the right backup first ("latest" is the newest good backup of the target's own database, or of
 * --db), a backup of another database only with allowOtherDatabase, integrity (nothing is touched when the file is
 * corrupt), then a dry run or a typed confirmation naming both sides, the restore itself (stopping at the first
 * error), ANALYZE and row counts against the manifest.
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

    /**
     * @param database           --db: whose "latest" to restore when it is not the target's own (URL, file or label)
     * @param allowOtherDatabase restore a backup whose database is not the target (or is not recorded)
     */
    public record Request(String reference, String target, boolean dropDatabase, boolean dryRun, boolean yes,
                          int jobs, String database, boolean allowOtherDatabase, boolean globals) {
        /** One pg_restore job: the whole restore in a single transaction. */
        public static final int DEFAULT_JOBS = 1;

        public Request(String reference, String target, boolean dropDatabase, boolean dryRun, boolean yes, int jobs) {
            this(reference, target, dropDatabase, dryRun, yes, jobs, null, false, false);
        }

        public Request(String reference, String target, boolean dropDatabase, boolean dryRun, boolean yes, int jobs,
                       String database, boolean allowOtherDatabase) {
            this(reference, target, dropDatabase, dryRun, yes, jobs, database, allowOtherDatabase, false);
        }
    }

    /**
     * What would happen (dry run), or what happened.
     *
     * @param backupOf what the backup is of ("not recorded" for files and older manifests)
     * @param takenAt  when the backup started, or null for a file outside the catalogue
     * @param targetIs the target, described as fully as it could be identified
     */
    public record Result(String backup, String database, boolean dryRun, boolean dropDatabase, List<String> objects,
                         Map<String, Long> expectedRowCounts, Map<String, Long> rowCounts, List<String> differences,
                         String backupOf, Instant takenAt, String targetIs) {
        public boolean countsMatch() {
            return differences.isEmpty();
        }
    }

    /**
     * What can be refused before anything is written: bad jobs, an unknown backup, a target of the wrong kind, a
     * backup of another database without allowOtherDatabase.
     *
     * @return the name of the database the restore overwrites (what a confirmation must type)
     */
    public String check(Request request) {
        Plan plan = plan(request);
        catalog.release(plan.source());
        return plan.database();
    }

    private record Plan(BackupSource source, BackupEngine engine, String database, String backupOf,
                        String targetIs) {
    }

    private Plan plan(Request request) {
        if (request.jobs() < 1) {
            throw new BadInputException("--jobs must be 1 or more, not " + request.jobs());
        }
        engines.forLocation(request.target()); // a target no engine takes is refused before the catalogue is read
        BackupSource source = source(request);
        BackupEngine engine = engines.forFormat(source.format());
        if (request.globals() && (source.manifest() == null || source.manifest().globalsSha256() == null)) {
            throw new BadInputException("--globals: backup " + source.name() + " was taken without --globals, so it"
                    + " holds no roles; nothing was restored");
        }
        if (!engine.accepts(request.target())) {
            throw new BadInputException("a " + engine.engine() + " backup restores into a " + engine.engine()
                    + " target, not " + request.target());
        }
        DatabaseIdentity target = engine.identify(request.target());
        BackupManifest manifest = source.manifest();
        DatabaseIdentity backupOf = manifest == null ? null : manifest.identity();
        boolean explicit = !"latest".equals(request.reference());
        boolean same = backupOf != null && backupOf.sameDatabase(target);
        if (!same && !request.allowOtherDatabase() && (backupOf != null || !explicit)) {
            throw new BadInputException("backup " + source.name() + " is of " + describe(source) + ", not of the target "
                    + target.describe() + ": pass --allow-other-database to restore it there; nothing was restored");
        }
        return new Plan(source, engine, engine.databaseName(request.target()), describe(source), target.describe());
    }

    private BackupSource source(Request request) {
        if ("latest".equals(request.reference())) {
            return catalog.source(latest(request));
        }
        return catalog.find(request.reference()).map(catalog::source)
                .orElseGet(() -> catalog.outsideFile(request.reference()));
    }

    private BackupManifest latest(Request request) {
        CatalogueSelection selection = new CatalogueSelection(engines, catalog);
        CatalogueDatabase database = request.database() == null
                ? selection.find(request.target()).orElseGet(() -> selection.select(null))
                : selection.select(request.database());
        return selection.newestGood(database).orElseThrow(() -> new BadInputException(
                "no good backup of " + database.describe() + " in " + catalog.where()
                        + " (every one failed its verification or restore test; see backups list)"));
    }

    private static String describe(BackupSource source) {
        BackupManifest m = source.manifest();
        if (m == null) {
            return "a database not recorded (a file outside the catalogue)";
        }
        return m.identity() != null ? m.identity().describe()
                : m.database() + " (not recorded which server or file: made before identities were kept)";
    }

    /**
     * Restores under the lock of the database the backup is of (waiting for a backup or prune of it to finish), so
     * that no retention run deletes the backup while it is read; the backup is chosen again once the lock is held. A
     * dry run, and a file outside the catalogue, take no lock.
     */
    public Result restore(Request request) {
        if (request.dryRun()) {
            return planAndRestore(request);
        }
        BackupManifest chosen = "latest".equals(request.reference()) ? latest(request)
                : catalog.find(request.reference()).orElse(null);
        if (chosen == null) {
            return planAndRestore(request);
        }
        try (CatalogueLock lock = catalog.lock(chosen.catalogueDatabase(), true)) {
            return planAndRestore(request);
        }
    }

    private Result planAndRestore(Request request) {
        Plan plan = plan(request);
        try {
            return restore(request, plan);
        } finally {
            catalog.release(plan.source());
        }
    }

    private Result restore(Request request, Plan plan) {
        BackupSource source = plan.source();
        BackupEngine engine = plan.engine();
        String database = plan.database();
        IntegrityCheck.check(catalog, engine, source);
        BackupManifest manifest = source.manifest();
        Instant takenAt = manifest == null ? null : manifest.startedAt();
        Map<String, Long> expected = manifest == null ? Map.of() : manifest.tableRowCounts();
        if (request.dryRun()) {
            return new Result(source.name(), database, true, request.dropDatabase(),
                    engine.archiveContents(source.file(), source.format()), expected, Map.of(), List.of(),
                    plan.backupOf(), takenAt, plan.targetIs());
        }
        if (!request.yes()) {
            confirm(database, "This overwrites " + plan.targetIs() + " with backup " + source.name() + " of "
                    + plan.backupOf() + (takenAt == null ? "" : ", taken " + takenAt) + ".");
        }
        engine.restore(source.file(), source.format(), request.target(),
                new RestoreOptions(request.dropDatabase(), request.jobs(), globals(request, source)));
        Map<String, Long> counts = engine.analyzeAndCount(request.target());
        List<String> differences = manifest == null ? List.of() : RowCounts.differences(expected, counts);
        return new Result(source.name(), database, false, request.dropDatabase(), List.of(), expected, counts,
                differences, plan.backupOf(), takenAt, plan.targetIs());
    }

    private java.nio.file.Path globals(Request request, BackupSource source) {
        if (!request.globals()) {
            return null;
        }
        return source.manifest() == null || source.manifest().globalsSha256() == null ? null
                : catalog.globalsOf(source.manifest()).orElse(null);
    }

    private void confirm(String database, String what) {
        if (!confirmation.canAsk()) {
            throw new BadInputException("refusing to restore into " + database
                    + " without a terminal to confirm on: pass --yes to restore unattended");
        }
        String typed = confirmation.ask(what + " Type the target's name (" + database + ") to go on: ");
        if (!database.equals(typed)) {
            throw new BadInputException("the name typed does not match " + database + ": nothing was restored");
        }
    }
}
