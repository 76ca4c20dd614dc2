package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.BackupRun;
import com.partpal.db.domain.backup.CatalogueDatabase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Is the newest good backup of a database young enough, and did its last backup run succeed? For cron checks and
 * monitoring: fresh, stale, failed or missing.
 */
public final class FreshnessUseCase {
    /** What {@code backups check} allows when no --max-age is given: a daily backup plus two hours of slack. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(26);

    public enum Status { FRESH, STALE, FAILED, MISSING }

    private final BackupEngines engines;
    private final BackupCatalog catalog;
    private final Clock clock;

    public FreshnessUseCase(BackupEngines engines, BackupCatalog catalog, Clock clock) {
        this.engines = engines;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * @param newestGood the newest good backup, if any
     * @param age        its age, or null
     * @param lastRun    the last backup run's record, if one was kept
     */
    public record Result(CatalogueDatabase database, Status status, String reason, BackupManifest newestGood,
                         Duration age, BackupRun lastRun, long goodBackups) {
        public boolean ok() {
            return status == Status.FRESH;
        }
    }

    /** @param database --db (URL, file or label); null when the catalogue holds one database */
    public Result check(String database, Duration maxAge) {
        CatalogueSelection selection = new CatalogueSelection(engines, catalog);
        CatalogueDatabase selected = database == null ? selection.select(null) : selection.located(database)
                .map(id -> selection.find(database).orElseGet(() -> CatalogueDatabase.of(id)))
                .orElseGet(() -> selection.select(database));
        return assess(selected, selection, maxAge);
    }

    /** Every database in the catalogue, for metrics. */
    public List<Result> checkAll(Duration maxAge) {
        CatalogueSelection selection = new CatalogueSelection(engines, catalog);
        return selection.databases().values().stream()
                .map(d -> assess(d, selection, maxAge)).toList();
    }

    private Result assess(CatalogueDatabase database, CatalogueSelection selection, Duration maxAge) {
        Optional<BackupManifest> newestGood = selection.newestGood(database);
        long good = selection.backupsOf(database).stream().filter(BackupManifest::good).count();
        Instant now = clock.instant();
        BackupRun lastRun = catalog.lastRun(database).orElse(null);
        Duration age = newestGood.map(m -> Duration.between(m.finishedAt(), now)).orElse(null);
        BackupManifest newest = newestGood.orElse(null);
        if (lastRun != null && !lastRun.ok() && (newest == null || lastRun.startedAt().isAfter(newest.startedAt()))) {
            return new Result(database, Status.FAILED, "the last backup run, at " + lastRun.startedAt() + ", "
                    + lastRun.result(), newest, age, lastRun, good);
        }
        if (newest == null) {
            return new Result(database, Status.MISSING, "no good backup of " + database.describe() + " in "
                    + catalog.where(), null, null, lastRun, good);
        }
        if (age.compareTo(maxAge) > 0) {
            return new Result(database, Status.STALE, "the newest good backup, " + newest.id() + ", is "
                    + human(age) + " old (more than " + human(maxAge) + ")", newest, age, lastRun, good);
        }
        return new Result(database, Status.FRESH, "the newest good backup, " + newest.id() + ", is " + human(age)
                + " old", newest, age, lastRun, good);
    }

    static String human(Duration d) {
        long minutes = d.toMinutes();
        return minutes < 120 ? minutes + "m" : d.toHours() + "h" + (minutes % 60 == 0 ? "" : (minutes % 60) + "m");
    }
}
