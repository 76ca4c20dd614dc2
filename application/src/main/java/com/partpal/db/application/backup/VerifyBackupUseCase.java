package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.application.port.backup.BackupSource;
import com.partpal.db.application.port.backup.RestoreOptions;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.RowCounts;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Verifies a catalogued backup: re-hash, archive check and, on request, a restore test into a scratch database whose
 * row counts must match the manifest. Results are recorded in the catalogue either way.
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

    /** @param scratchServer where to create the scratch database (a PostgreSQL URL); ignored for SQLite */
    public Result verify(String reference, boolean restoreTest, String scratchServer) {
        BackupSource source = catalog.resolve(reference);
        if (source.manifest() == null) {
            throw new BadInputException(reference + " is not in the catalogue: verify takes a backup id or latest");
        }
        BackupEngine engine = engines.forFormat(source.format());
        String verifyResult = outcome(() -> IntegrityCheck.check(catalog, engine, source));
        BackupManifest manifest = source.manifest().withVerification(clock.instant(), verifyResult);
        String restoreResult = null;
        if (restoreTest) {
            restoreResult = BackupManifest.OK.equals(verifyResult)
                    ? outcome(() -> restoreTest(engine, source, scratchServer))
                    : "failed: not attempted, the integrity check failed";
            manifest = manifest.withRestoreTest(clock.instant(), restoreResult);
        }
        catalog.update(manifest);
        return new Result(manifest, verifyResult, restoreResult);
    }

    private void restoreTest(BackupEngine engine, BackupSource source, String scratchServer) {
        String name = "partpal_restore_test_" + Long.toString(clock.millis(), 36).toLowerCase(Locale.ROOT);
        String scratch = engine.createScratch(scratchServer, name);
        try {
            engine.restore(source.file(), source.format(), scratch, new RestoreOptions(false, 1));
            List<String> differences = RowCounts.differences(source.manifest().tableRowCounts(),
                    engine.analyzeAndCount(scratch));
            if (!differences.isEmpty()) {
                throw new BackupFailedException("row counts differ: " + String.join("; ", differences));
            }
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
