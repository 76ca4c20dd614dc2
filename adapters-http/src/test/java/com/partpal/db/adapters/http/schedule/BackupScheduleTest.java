package com.partpal.db.adapters.http.schedule;

import com.partpal.db.application.jobs.BackupJobs;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.RetentionPolicy;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Schedules bind from properties and from environment variables alike, and become backup job requests. */
class BackupScheduleTest {
    private static List<BackupSchedule> schedules(PropertySource source) {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).propertySources(source)
                .start()) {
            return List.copyOf(context.getBeansOfType(BackupSchedule.class));
        }
    }

    @Test
    void environmentVariablesBindToOneSchedulePerName() {
        List<BackupSchedule> all = schedules(PropertySource.of("env", Map.of(
                "PARTPAL_SCHEDULES_NIGHTLY_CRON", "0 15 2 * * *",
                "PARTPAL_SCHEDULES_NIGHTLY_DATABASE", "shop.db",
                "PARTPAL_SCHEDULES_NIGHTLY_KEEP_LAST", "7",
                "PARTPAL_SCHEDULES_NIGHTLY_KEEP_DAYS", "30"), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));
        assertEquals(1, all.size());
        BackupJobs.Request request = ScheduledBackups.request(all.get(0));
        assertEquals("shop.db", request.database());
        assertEquals(new RetentionPolicy(30, 7), request.retention());
        assertEquals("nightly", request.schedule());
        assertNull(request.directory(), "no directory: the CLI's default catalogue");
    }

    @Test
    void propertiesBindWithKebabCaseNames() {
        List<BackupSchedule> all = schedules(PropertySource.of("file", Map.of(
                "partpal.schedules.hourly.cron", "0 0 * * * *",
                "partpal.schedules.hourly.database", "postgresql://u@h/db",
                "partpal.schedules.hourly.directory", "/srv/backups",
                "partpal.schedules.hourly.keep-last", "24")));
        BackupJobs.Request request = ScheduledBackups.request(all.get(0));
        assertEquals(Path.of("/srv/backups"), request.directory());
        assertEquals(new RetentionPolicy(null, 24), request.retention());
    }

    @Test
    void aScheduleWithoutCronOrDatabaseIsRefusedByName() {
        BackupSchedule schedule = new BackupSchedule("weekly");
        schedule.setDatabase("shop.db");
        assertEquals("partpal.schedules.weekly.cron is missing (e.g. \"0 15 2 * * *\": 02:15:00 every day)",
                assertThrows(BadInputException.class, () -> ScheduledBackups.request(schedule)).getMessage());
        schedule.setCron("0 0 0 * * SUN");
        schedule.setDatabase(" ");
        assertEquals("partpal.schedules.weekly.database is missing (a PostgreSQL URL or SQLite file)",
                assertThrows(BadInputException.class, () -> ScheduledBackups.request(schedule)).getMessage());
    }
}
