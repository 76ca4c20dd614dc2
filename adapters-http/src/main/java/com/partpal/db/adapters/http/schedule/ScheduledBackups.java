package com.partpal.db.adapters.http.schedule;

import com.partpal.db.application.jobs.BackupJobs;
import com.partpal.db.application.jobs.JobConflictException;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.RetentionPolicy;
import com.partpal.db.domain.connection.Secrets;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs the configured backup schedules (cron in UTC, whatever the server's zone) while the HTTP server runs (never in
 * a CLI command): each firing submits a backup job (backup, then prune with the schedule's retention) to the job
 * registry, so it shows in GET /api/jobs. A firing while the previous backup into the same catalogue still runs is
 * skipped (the registry refuses it).
 */
@Singleton
final class ScheduledBackups implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);

    private final List<BackupSchedule> schedules;
    private final TaskScheduler scheduler;
    private final BackupJobs backups;

    ScheduledBackups(List<BackupSchedule> schedules, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                     BackupJobs backups) {
        this.schedules = schedules;
        this.scheduler = scheduler;
        this.backups = backups;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        for (BackupSchedule schedule : schedules) {
            BackupJobs.Request request = request(schedule);
            scheduler.schedule(schedule.getCron(), "UTC", () -> fire(schedule.getName(), request));
            LOG.info("scheduled backup {}: {} at cron '{}' (UTC)", schedule.getName(),
                    Secrets.mask(schedule.getDatabase()), schedule.getCron());
        }
    }

    static BackupJobs.Request request(BackupSchedule schedule) {
        String prefix = "partpal.schedules." + schedule.getName();
        if (schedule.getCron() == null || schedule.getCron().isBlank()) {
            throw new BadInputException(prefix + ".cron is missing (e.g. \"0 15 2 * * *\": 02:15:00 every day)");
        }
        if (schedule.getDatabase() == null || schedule.getDatabase().isBlank()) {
            throw new BadInputException(prefix + ".database is missing (a PostgreSQL URL or SQLite file)");
        }
        Path directory = schedule.getDirectory() == null ? null : Path.of(schedule.getDirectory());
        return new BackupJobs.Request(schedule.getDatabase(), directory, null,
                new RetentionPolicy(schedule.getKeepDays(), schedule.getKeepLast()), schedule.getName());
    }

    private void fire(String name, BackupJobs.Request request) {
        try {
            String id = backups.start(request).id();
            LOG.info("scheduled backup {}: job {}", name, id);
        } catch (JobConflictException e) {
            LOG.warn("scheduled backup {} skipped: {}", name, Secrets.mask(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("scheduled backup {} not started: {}", name, Secrets.mask(e.getMessage()));
        }
    }
}
