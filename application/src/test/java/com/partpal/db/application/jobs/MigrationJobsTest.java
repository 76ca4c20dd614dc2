package com.partpal.db.application.jobs;

import com.partpal.db.application.fakes.ListRejects;
import com.partpal.db.application.migrate.MigrateRequest;
import com.partpal.db.application.port.DatabaseConnector;
import com.partpal.db.application.port.OnExisting;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.plan.PlanOptions;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a migration job refuses before it is queued; nothing reaches the registry then. */
class MigrationJobsTest {
    private final JobRegistry registry = new JobRegistry(Runnable::run, Clock.systemUTC());
    private final MigrationJobs jobs = new MigrationJobs(registry, new DatabaseConnector() {
        @Override
        public SourceDatabase openSource(String location) {
            throw new BadInputException("no SQLite database at " + location);
        }

        @Override
        public TargetDatabase openTarget(String location) {
            throw new AssertionError("a refused job opens no target");
        }
    }, null, ListRejects::new);

    private static MigrateRequest request(String from, String to, boolean dryRun) {
        return new MigrateRequest(from, to, PlanOptions.all(), 2, 5000, OnExisting.FAIL, dryRun, true);
    }

    @Test
    void refusesAMissingSourceABadTargetUrlAnUnreadableSourceAndADryRun() {
        assertEquals("missing source: give \"from\" (a SQLite file or URL)", assertThrows(BadInputException.class,
                () -> jobs.start(request(" ", "postgresql://u:secret@h/db", false))).getMessage());
        String badUrl = assertThrows(BadInputException.class,
                () -> jobs.start(request("a.db", "mysql://u:secret@h/db", false))).getMessage();
        assertTrue(badUrl.startsWith("bad PostgreSQL URL") && !badUrl.contains("secret"), badUrl);
        assertEquals("no SQLite database at a.db", assertThrows(BadInputException.class,
                () -> jobs.start(request("a.db", "postgresql://u:secret@h/db", false))).getMessage());
        assertThrows(BadInputException.class, () -> jobs.start(request("a.db", "postgresql://u:secret@h/db", true)));
        assertTrue(registry.list().isEmpty());
    }
}
