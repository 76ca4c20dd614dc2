package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.application.port.backup.BackupSource;
import com.partpal.db.application.port.backup.CatalogueLock;
import com.partpal.db.application.port.backup.RestoreOptions;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.RowCounts;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Verifies a catalogued backup: re-hash, archive check and, on request, a restore test into a scratch database whose
 * row counts must match the manifest. A restore test that cannot run (no scratch server) is refused before anything
 * runs; results are recorded in the catalogue, and a restore test only when it ran.
 */
public final class VerifyBackupUseCase {
    private final BackupEngines engines;
    private final BackupCatalog catalog;
    private final Clock clock;

    public VerifyBackupUseCase(BackupEngines engines, BackupCatalog catalog, Clock clock) {
        this.engines = engines;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** @param verifyResult "ok" or "failed: ..."; restoreTestResult null when no restore test ran */
    public record Result(BackupManifest manifest, String verifyResult, String restoreTestResult) {
        public boolean ok() {
            return BackupManifest.OK.equals(verifyResult)
                    && (restoreTestResult == null || BackupManifest.OK.equals(restoreTestResult));
        }
    }

    /**
     * @param reference     a backup id, or "latest": the newest backup of database
     * @param database      --db for "latest" (null when the catalogue holds one database)
     * @param scratchServer where to create the scratch database (a PostgreSQL URL); ignored for SQLite
     */
    public Result verify(String reference, String database, boolean restoreTest, String scratchServer) {
        CatalogueSelection selection = new CatalogueSelection(engines, catalog);
        BackupManifest chosen = "latest".equals(reference)
                ? selection.newest(selection.select(database)).orElseThrow()
                : catalog.find(reference).orElseThrow(() -> new BadInputException(reference
                        + " is not in the catalogue " + catalog.where() + ": verify takes a backup id or latest"));
        BackupEngine engine = engines.forFormat(chosen.backupFormat());
        if (restoreTest && engine.restoreTestNeedsServer() && (scratchServer == null || scratchServer.isBlank())) {
            throw new BadInputException("a PostgreSQL restore test needs --scratch-server URL (a server where "
                    + "partpal-db may create and drop a scratch database); nothing was run");
        }
        try (CatalogueLock lock = catalog.lock(chosen.catalogueDatabase(), false)) {
            BackupSource source = catalog.source(catalog.find(chosen.id()).orElseThrow(
                    () -> new BadInputException("backup " + chosen.id() + " was deleted meanwhile")));
            try {
                return verify(engine, source, restoreTest, scratchServer);
            } finally {
                catalog.release(source);
            }
        }
    }

    private Result verify(BackupEngine engine, BackupSource source, boolean restoreTest, String scratchServer) {
        String verifyResult = outcome(() -> IntegrityCheck.check(catalog, engine, source));
        BackupManifest manifest = source.manifest().withVerification(clock.instant(), verifyResult);
        String restoreResult = null;
        if (restoreTest) {
            restoreResult = BackupManifest.OK.equals(verifyResult)
                    ? restoreTest(engine, source, scratchServer, manifest)
                    : "failed: not attempted, the integrity check failed";
            manifest = manifest.withRestoreTest(clock.instant(), restoreResult);
        }
        catalog.update(manifest);
        return new Result(manifest, verifyResult, restoreResult);
    }

    /** The test's outcome; a scratch database that cannot be made means no test ran, so nothing about it is recorded. */
    private String restoreTest(BackupEngine engine, BackupSource source, String scratchServer,
                               BackupManifest verified) {
        String name = "partpal_restore_test_" + Long.toString(clock.millis(), 36).toLowerCase(Locale.ROOT);
        String scratch;
        try {
            scratch = engine.createScratch(scratchServer, name);
        } catch (RuntimeException e) {
            catalog.update(verified);
            throw e;
        }
        try {
            return outcome(() -> {
                engine.restore(source.file(), source.format(), scratch, new RestoreOptions(false, 1));
                List<String> differences = RowCounts.differences(source.manifest().tableRowCounts(),
                        engine.analyzeAndCount(scratch));
                if (!differences.isEmpty()) {
                    throw new BackupFailedException("row counts differ: " + String.join("; ", differences));
                }
            });
        } finally {
            engine.dropScratch(scratch);
        }
    }

    private static String outcome(Runnable check) {
        try {
            check.run();
            return BackupManifest.OK;
        } catch (BadInputException | BackupFailedException e) {
            return "failed: " + e.getMessage();
        }
    }
}
