package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.application.port.backup.RestoreConfirmation;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.RetentionPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupUseCasesTest {
    private final FakeBackupCatalog catalog = new FakeBackupCatalog();
    private final FakeBackupEngine engine = new FakeBackupEngine(catalog);
    private final BackupEngines engines = new BackupEngines(List.of(engine));
    private final Deque<String> typed = new ArrayDeque<>();
    private boolean terminal;
    private Instant now = Instant.parse("2024-05-01T02:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final RestoreConfirmation confirmation = new RestoreConfirmation() {
        @Override
        public boolean canAsk() {
            return terminal;
        }

        @Override
        public String ask(String prompt) {
            return typed.poll();
        }
    };
    private final BackupUseCase backup = new BackupUseCase(engines, catalog, new PruneUseCase(engines, catalog, clock), clock);
    private final VerifyBackupUseCase verify = new VerifyBackupUseCase(engines, catalog, clock);
    private final RestoreUseCase restore = new RestoreUseCase(engines, catalog, confirmation);

    @BeforeEach
    void shop() {
        engine.databases.put("fake:shop", Map.of("parts", 3L, "orders", 2L));
        engine.databases.put("fake:copy", Map.of("parts", 1L));
    }

    @Test
    void backupCataloguesChecksummedManifestAndPrunes() {
        for (int day = 0; day < 5; day++) {
            now = Instant.parse("2024-05-01T02:00:00Z").plusSeconds(day * 86_400L);
            backup.backup("fake:shop", null, new RetentionPolicy(null, 3), false);
        }
        assertEquals(3, catalog.list().size());
        BackupManifest m = catalog.list().get(2);
        assertEquals("2024-05-05T02:00:00Z", m.startedAt().toString());
        assertEquals(Map.of("parts", 3L, "orders", 2L), m.tableRowCounts());
        assertEquals(FakeBackupCatalog.sha256(catalog.files.get(Path.of("fake", m.id()))), m.sha256());
        assertEquals("custom", m.format());
        assertEquals("15.18", m.pgDumpVersion());
    }

    @Test
    void failedDumpLeavesNothingCatalogued() {
        engine.failDump = true;
        assertThrows(BackupFailedException.class, () -> backup.backup("fake:shop", null, RetentionPolicy.keepAll(), false));
        assertEquals(List.of(), catalog.list());
        assertEquals(Map.of(), catalog.files);
        assertEquals(1, catalog.abandoned.size());
        assertTrue(catalog.runs.get("postgres:system=7000000000000000001/shop").result().startsWith("failed: pg_dump: error"));
        assertEquals(java.util.Set.of(), catalog.locks, "the lock is released");
    }

    @Test
    void everyCommandActsOnTheDatabaseItNamesAndNoOther() {
        backup.backup("fake:shop", null, RetentionPolicy.keepAll(), false);
        now = now.plusSeconds(60);
        BackupManifest copy = backup.backup("fake:copy", null, RetentionPolicy.keepAll(), false).manifest();

        BadInputException several = assertThrows(BadInputException.class,
                () -> verify.verify("latest", null, false, null));
        assertTrue(several.getMessage().contains("holds backups of 2 databases: name one with --db (shop = "
                + "PostgreSQL database shop on fake:5432 (system 7000000000000000001); copy = "), several.getMessage());
        assertEquals("shop", verify.verify("latest", "shop", false, null).manifest().database());

        // latest for a target is the target's own newest backup, never the catalogue's newest
        RestoreUseCase.Result own = restore.restore(new RestoreUseCase.Request("latest", "fake:shop", false, true, true, 1));
        assertEquals("shop", own.backup().substring(0, 4));
        BadInputException other = assertThrows(BadInputException.class, () -> restore.restore(
                new RestoreUseCase.Request(copy.id(), "fake:shop", false, false, true, 1)));
        assertTrue(other.getMessage().startsWith("backup " + copy.id() + " is of PostgreSQL database copy on fake:5432"
                + " (system 7000000000000000001), not of the target PostgreSQL database shop on fake:5432"), other.getMessage());
        assertTrue(other.getMessage().endsWith("pass --allow-other-database to restore it there; nothing was restored"));
        assertEquals(List.of(), engine.calls);

        // pruning after a backup of copy never touches shop
        now = now.plusSeconds(60);
        backup.backup("fake:copy", null, new RetentionPolicy(0, 0), false);
        assertEquals(2, catalog.list().size());
        assertThrows(BadInputException.class, () -> new PruneUseCase(engines, catalog, clock)
                .prune(new RetentionPolicy(0, 0), null, true));
    }

    @Test
    void aRestoreTestWithoutScratchServerIsRefusedBeforeAnythingRuns() {
        BackupManifest m = backup.backup("fake:shop", null, RetentionPolicy.keepAll(), false).manifest();
        BadInputException e = assertThrows(BadInputException.class, () -> verify.verify(m.id(), null, true, null));
        assertTrue(e.getMessage().startsWith("a PostgreSQL restore test needs --scratch-server URL"), e.getMessage());
        assertEquals(m, catalog.find(m.id()).orElseThrow(), "nothing recorded");
        assertEquals(List.of(), engine.calls);
    }

    @Test
    void verifyRecordsSuccessAndRestoreTestDropsScratch() {
        String id = backup.backup("fake:shop", null, RetentionPolicy.keepAll(), false).manifest().id();
        now = now.plusSeconds(60);
        VerifyBackupUseCase.Result r = verify.verify("latest", null, true, "fake:server");
        assertTrue(r.ok(), r.toString());
        BackupManifest stored = catalog.find(id).orElseThrow();
        assertEquals(now, stored.lastVerifiedAt());
        assertEquals("ok", stored.restoreTestResult());
        assertEquals(now, stored.lastRestoreTestAt());
        assertTrue(engine.calls.get(engine.calls.size() - 1).startsWith("drop fake:partpal_restore_test_"));
        assertFalse(engine.databases.keySet().stream().anyMatch(k -> k.contains("restore_test")));
    }

    @Test
    void verifyRecordsCorruptionAndSkipsRestoreTest() {
        BackupManifest m = backup.backup("fake:shop", null, RetentionPolicy.keepAll(), false).manifest();
        catalog.files.get(Path.of("fake", m.id()))[10] ^= 1;
        VerifyBackupUseCase.Result r = verify.verify(m.id(), null, true, "fake:server");
        assertFalse(r.ok());
        assertTrue(r.verifyResult().startsWith("failed: backup " + m.id() + " is corrupt: its SHA-256 is"));
        assertFalse(catalog.find(m.id()).orElseThrow().good());
        assertFalse(engine.calls.stream().anyMatch(c -> c.startsWith("create")));
    }

    @Test
    void verifyReportsAMissingFile() {
        BackupManifest m = backup.backup("fake:shop", null, RetentionPolicy.keepAll(), false).manifest();
        catalog.files.clear();
        VerifyBackupUseCase.Result r = verify.verify(m.id(), null, false, null);
        assertEquals("failed: backup file fake/" + m.id() + " is missing", r.verifyResult());
        assertNull(r.restoreTestResult());
    }

    @Test
    void restoreTestCatchesRowCountsThatDisagree() {
        BackupManifest m = backup.backup("fake:shop", null, RetentionPolicy.keepAll(), false).manifest();
        catalog.update(new BackupManifest(m.id(), m.database(), m.engine(), m.serverVersion(), m.pgDumpVersion(),
                m.startedAt(), m.finishedAt(), m.sizeBytes(), m.sha256(), m.format(), m.compression(),
                Map.of("parts", 4L, "orders", 2L), null, null, null, null));
        VerifyBackupUseCase.Result r = verify.verify(m.id(), null, true, "fake:server");
        assertEquals("ok", r.verifyResult());
        assertEquals("failed: row counts differ: parts: expected 4 rows, found 3", r.restoreTestResult());
    }

    @Test
    void corruptBackupIsRefusedBeforeTheTargetIsTouched() {
        BackupManifest m = backup.backup("fake:shop", null, RetentionPolicy.keepAll(), false).manifest();
        byte[] file = catalog.files.get(Path.of("fake", m.id()));
        catalog.files.put(Path.of("fake", m.id()), java.util.Arrays.copyOf(file, file.length - 3));
        BadInputException e = assertThrows(BadInputException.class,
                () -> restore.restore(new RestoreUseCase.Request(m.id(), "fake:copy", true, false, true, 1, null, true)));
        assertTrue(e.getMessage().contains("is corrupt"), e.getMessage());
        assertEquals(Map.of("parts", 1L), engine.databases.get("fake:copy"));
        assertEquals(List.of(), engine.calls);
    }

    @Test
    void dryRunChangesNothing() {
        backup.backup("fake:shop", null, RetentionPolicy.keepAll(), false);
        RestoreUseCase.Result r = restore.restore(new RestoreUseCase.Request("latest", "fake:copy", true, true, false, 1, null, true));
        assertTrue(r.dryRun());
        assertEquals(List.of("TABLE orders", "TABLE parts"), r.objects());
        assertEquals(Map.of("parts", 3L, "orders", 2L), r.expectedRowCounts());
        assertEquals(List.of(), engine.calls);
    }

    @Test
    void withoutTerminalOrWithWrongNameNothingIsRestored() {
        backup.backup("fake:shop", null, RetentionPolicy.keepAll(), false);
        RestoreUseCase.Request request = new RestoreUseCase.Request("latest", "fake:copy", true, false, false, 1, null, true);
        BadInputException noTerminal = assertThrows(BadInputException.class, () -> restore.restore(request));
        assertEquals("refusing to restore into copy without a terminal to confirm on: pass --yes to restore"
                + " unattended", noTerminal.getMessage());
        terminal = true;
        typed.add("shop");
        assertThrows(BadInputException.class, () -> restore.restore(request));
        assertEquals(List.of(), engine.calls);
        assertEquals(Map.of("parts", 1L), engine.databases.get("fake:copy"));

        typed.add("copy");
        RestoreUseCase.Result r = restore.restore(request);
        assertTrue(r.countsMatch());
        assertEquals(Map.of("parts", 3L, "orders", 2L), engine.databases.get("fake:copy"));
        assertEquals(List.of("restore fake:copy drop", "analyze fake:copy"), engine.calls);
    }

    @Test
    void restoreFailureStopsAndPropagates() {
        backup.backup("fake:shop", null, RetentionPolicy.keepAll(), false);
        assertThrows(BackupFailedException.class,
                () -> restore.restore(new RestoreUseCase.Request("latest", "fake:copy", false, false, true, 1, null, true)));
        assertEquals(Map.of("parts", 1L), engine.databases.get("fake:copy"));
        assertEquals(List.of("restore fake:copy"), engine.calls);
    }

    @Test
    void restoreRefusesATargetOfAnotherEngineAndBadJobs() {
        backup.backup("fake:shop", null, RetentionPolicy.keepAll(), false);
        assertThrows(BadInputException.class,
                () -> restore.restore(new RestoreUseCase.Request("latest", "/tmp/x.db", true, false, true, 1)));
        assertThrows(BadInputException.class,
                () -> restore.restore(new RestoreUseCase.Request("latest", "fake:copy", true, false, true, 0, null, true)));
    }

    @Test
    void pruneDryRunDeletesNothing() {
        for (int day = 0; day < 4; day++) {
            now = Instant.parse("2024-05-01T02:00:00Z").plusSeconds(day * 86_400L);
            backup.backup("fake:shop", null, RetentionPolicy.keepAll(), false);
        }
        PruneUseCase prune = new PruneUseCase(engines, catalog, clock);
        assertEquals(3, prune.prune(new RetentionPolicy(0, 1), null, true).size());
        assertEquals(4, catalog.list().size());
        assertEquals(3, prune.prune(new RetentionPolicy(0, 1), null, false).size());
        assertEquals(1, catalog.list().size());
    }
}
