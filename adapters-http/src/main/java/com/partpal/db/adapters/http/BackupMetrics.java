package com.partpal.db.adapters.http;

import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.backup.FreshnessUseCase;
import com.partpal.db.application.jobs.BackupJobs;
import com.partpal.db.application.jobs.JobRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Per database in the backup catalogues this server knows (the default one and every one a backup job wrote):
 * partpal_backup_newest_good_age_seconds, partpal_backup_good_backups, partpal_backup_last_run_success (1 or 0) and
 * partpal_backup_last_run_timestamp_seconds. Labels name the database by its label, a short hash of its identity and
 * its engine: never a URL or password.
 */
@Singleton
final class BackupMetrics implements MeterBinder {
    private final BackupServices services;
    private final JobRegistry jobs;
    private MultiGauge age;
    private MultiGauge goodBackups;
    private MultiGauge lastRunSuccess;
    private MultiGauge lastRunTime;

    BackupMetrics(BackupServices services, JobRegistry jobs) {
        this.services = services;
        this.jobs = jobs;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        age = MultiGauge.builder("partpal.backup.newest.good.age").baseUnit("seconds")
                .description("Age of the newest good backup of each database").register(registry);
        goodBackups = MultiGauge.builder("partpal.backup.good.backups")
                .description("Good backups (checksummed, not failed) of each database").register(registry);
        lastRunSuccess = MultiGauge.builder("partpal.backup.last.run.success")
                .description("1 when the last backup run of the database succeeded, 0 when it failed")
                .register(registry);
        lastRunTime = MultiGauge.builder("partpal.backup.last.run.timestamp").baseUnit("seconds")
                .description("When the last backup run of the database started (Unix time)").register(registry);
        refresh();
    }

    /** Reads the catalogues again; called before each scrape. A catalogue that cannot be read is left out. */
    synchronized void refresh() {
        if (age == null) {
            return;
        }
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        List<MultiGauge.Row<?>> counts = new ArrayList<>();
        List<MultiGauge.Row<?>> successes = new ArrayList<>();
        List<MultiGauge.Row<?>> times = new ArrayList<>();
        for (Path directory : directories()) {
            List<FreshnessUseCase.Result> results;
            try {
                results = services.freshness(directory).checkAll(FreshnessUseCase.DEFAULT_MAX_AGE);
            } catch (RuntimeException e) {
                continue;
            }
            for (FreshnessUseCase.Result r : results) {
                Tags tags = Tags.of("database", r.database().label(), "database_key",
                        r.database().shortKey(), "engine",
                        r.database().identity() == null ? "unknown" : r.database().identity().engine());
                counts.add(MultiGauge.Row.of(tags, r.goodBackups()));
                if (r.age() != null) {
                    ages.add(MultiGauge.Row.of(tags, r.age().toMillis() / 1000.0));
                }
                if (r.lastRun() != null) {
                    successes.add(MultiGauge.Row.of(tags, r.lastRun().ok() ? 1 : 0));
                    times.add(MultiGauge.Row.of(tags, r.lastRun().startedAt().getEpochSecond()));
                }
            }
        }
        age.register(ages, true);
        goodBackups.register(counts, true);
        lastRunSuccess.register(successes, true);
        lastRunTime.register(times, true);
    }

    private Set<Path> directories() {
        Set<Path> directories = new LinkedHashSet<>();
        directories.add(services.directory(null));
        jobs.list().stream().filter(j -> BackupJobs.KIND.equals(j.kind()) && j.options().get("directory") != null)
                .forEach(j -> directories.add(Path.of(j.options().get("directory"))));
        return directories;
    }
}
