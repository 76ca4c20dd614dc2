package com.partpal.db.adapters.http;

import com.partpal.db.application.backup.RestoreUseCase;
import com.partpal.db.application.jobs.BackupJobs;
import com.partpal.db.application.migrate.MigrateRequest;
import com.partpal.db.application.port.OnExisting;
import com.partpal.db.application.verify.VerifyRequest;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.RetentionPolicy;
import com.partpal.db.domain.verify.ExpectedRejects;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobRequestMapperTest {
    private final JobRequestMapper mapper = new JobRequestMapperImpl();

    @Test
    void aMigrationBodyWithoutOptionsGetsTheCliDefaults() {
        MigrateRequest r = mapper.toRequest(new MigrationBody("dev.db", "postgresql://u@h/db", null));
        assertEquals("dev.db", r.from());
        assertEquals("postgresql://u@h/db", r.to());
        assertEquals(2, r.jobs());
        assertEquals(5000, r.batchSize());
        assertEquals(OnExisting.FAIL, r.onExisting());
        assertTrue(r.verify());
        assertFalse(r.dryRun());
        assertTrue(r.planOptions().includeTables().isEmpty());
    }

    @Test
    void migrationOptionsAreMappedOneByOne() {
        MigrateRequest r = mapper.toRequest(new MigrationBody("a.db", "postgresql://h/db", new MigrationBody.Options(
                4, 100, "Drop", false, List.of("parts"), List.of("logs"), List.of("parts.images"))));
        assertEquals(4, r.jobs());
        assertEquals(100, r.batchSize());
        assertEquals(OnExisting.DROP, r.onExisting());
        assertFalse(r.verify());
        assertEquals(List.of("parts"), r.planOptions().includeTables());
        assertEquals(List.of("logs"), r.planOptions().excludeTables());
        assertEquals(Set.of("parts.images"), r.planOptions().jsonColumns());
    }

    @Test
    void badMigrationFieldsAreRefusedByName() {
        assertEquals("missing field 'from': a SQLite file or URL",
                refused(() -> mapper.toRequest(new MigrationBody(" ", "postgresql://h/db", null))));
        assertEquals("missing field 'to': a PostgreSQL URL",
                refused(() -> mapper.toRequest(new MigrationBody("a.db", null, null))));
        assertEquals("'jobs' must be at least 1", refused(() -> mapper.toRequest(new MigrationBody("a.db", "x",
                new MigrationBody.Options(0, null, null, null, null, null, null)))));
        assertEquals("'onExisting' must be fail, truncate or drop", refused(() -> mapper.toRequest(
                new MigrationBody("a.db", "x", new MigrationBody.Options(null, null, "keep", null, null, null, null)))));
    }

    @Test
    void aVerificationBodyMapsToAVerifyRequestWhoseRejectsAreReadLater() {
        VerifyRequest r = mapper.toRequest(new VerificationBody("a.db", "b.db",
                new VerificationBody.Options(0, 3, List.of("parts"), null, null, "rejects.jsonl")));
        assertEquals("a.db", r.from());
        assertEquals("b.db", r.to());
        assertEquals(0, r.maxDiffs());
        assertEquals(3, r.jobs());
        assertEquals(List.of("parts"), r.planOptions().includeTables());
        assertSame(ExpectedRejects.NONE, r.rejects());
        VerifyRequest defaults = mapper.toRequest(new VerificationBody("a.db", "b.db", null));
        assertEquals(100, defaults.maxDiffs());
        assertEquals(2, defaults.jobs());
        assertEquals("'maxDiffs' must be at least 0", refused(() -> mapper.toRequest(new VerificationBody("a", "b",
                new VerificationBody.Options(-1, null, null, null, null, null)))));
    }

    @Test
    void aBackupBodyMapsToABackupJobRequestWithItsRetention() {
        BackupJobs.Request r = mapper.toRequest(new BackupBody("postgresql://h/db", "/srv/backups", "plain", 30, 7));
        assertEquals("postgresql://h/db", r.database());
        assertEquals(Path.of("/srv/backups"), r.directory());
        assertEquals("plain", r.format());
        assertEquals(new RetentionPolicy(30, 7), r.retention());
        assertNull(r.schedule());
        BackupJobs.Request defaults = mapper.toRequest(new BackupBody("shop.db", " ", null, null, null));
        assertNull(defaults.directory(), "a blank directory means the configured default");
        assertEquals(new RetentionPolicy(RetentionPolicy.DEFAULT_DAYS, null), defaults.retention(), "30 days by default");
        assertEquals("missing field 'database': a PostgreSQL URL or a SQLite file",
                refused(() -> mapper.toRequest(new BackupBody(null, null, null, null, null))));
        assertEquals("--keep-last must be 0 or more, not -1",
                refused(() -> mapper.toRequest(new BackupBody("shop.db", null, null, null, -1))));
    }

    @Test
    void aRestoreBodyMapsToARestoreRequestThatIsNeverPreConfirmed() {
        RestoreUseCase.Request r = mapper.toRequest(new RestoreBody("latest", "postgresql://h/db", null, true, null,
                null, "db", "shop", true));
        assertEquals("shop", r.database());
        assertTrue(r.allowOtherDatabase());
        assertFalse(mapper.toRequest(new RestoreBody("latest", "x.db", null, null, null, null, null, null, null))
                .allowOtherDatabase());
        assertEquals("latest", r.reference());
        assertEquals("postgresql://h/db", r.target());
        assertTrue(r.dropDatabase());
        assertFalse(r.dryRun());
        assertFalse(r.yes(), "only RestoreJobs confirms, after checking \"confirm\"");
        assertEquals(1, r.jobs());
        assertEquals("missing field 'backup': a backup id, latest, or a backup file",
                refused(() -> mapper.toRequest(new RestoreBody(null, "x", null, null, null, null, null, null, null))));
        assertEquals("missing field 'to': the PostgreSQL URL or SQLite file to restore into",
                refused(() -> mapper.toRequest(new RestoreBody("latest", "", null, null, null, null, null, null, null))));
    }

    @Test
    void aPruneBodyMapsToARetentionPolicy() {
        assertEquals(new RetentionPolicy(10, 2), mapper.retention(new PruneBody(null, 10, 2, true, null)));
        assertTrue(mapper.retention(new PruneBody(null, null, null, null, null)).keepsEverything());
    }

    private static String refused(Runnable mapping) {
        return assertThrows(BadInputException.class, mapping::run).getMessage();
    }
}
