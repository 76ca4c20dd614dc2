package com.partpal.db.adapters.http;

import com.partpal.db.application.backup.VerifyBackupUseCase;
import com.partpal.db.domain.backup.BackupManifest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupViewMapperTest {
    private final BackupViewMapper mapper = new BackupViewMapperImpl();
    private final BackupManifest manifest = new BackupManifest("shop-20240601T020000Z", "shop", "postgres", "15.4",
            "15.4", Instant.parse("2024-06-01T02:00:00Z"), Instant.parse("2024-06-01T02:00:03.5Z"), 1234, "ab12",
            "custom", "internal", Map.of("part", 250L, "b", 1L), null, null, null, null);

    @Test
    void aManifestBecomesAViewWithUtcTimesAndEveryField() {
        BackupView v = mapper.toView(manifest);
        assertEquals("shop-20240601T020000Z", v.id());
        assertEquals("shop", v.database());
        assertEquals("postgres", v.engine());
        assertEquals("15.4", v.serverVersion());
        assertEquals("15.4", v.pgDumpVersion());
        assertEquals("2024-06-01T02:00:00Z", v.startedAt());
        assertEquals("2024-06-01T02:00:03.500Z", v.finishedAt());
        assertEquals(1234, v.sizeBytes());
        assertEquals("ab12", v.sha256());
        assertEquals("custom", v.format());
        assertEquals("internal", v.compression());
        assertEquals(Map.of("part", 250L, "b", 1L), v.tableRowCounts());
        assertNull(v.lastVerifiedAt());
        assertNull(v.lastVerifyResult());
        assertEquals(List.of(v), mapper.toViews(List.of(manifest)));
    }

    @Test
    void aCheckResultSaysWhetherItIsOk() {
        BackupManifest verified = manifest.withVerification(Instant.parse("2024-06-02T00:00:00Z"), "ok");
        BackupCheckView ok = mapper.toView(new VerifyBackupUseCase.Result(verified, "ok", null));
        assertTrue(ok.ok());
        assertEquals("shop-20240601T020000Z", ok.id());
        assertEquals("ok", ok.verifyResult());
        assertNull(ok.restoreTestResult());
        assertEquals("2024-06-02T00:00:00Z", ok.backup().lastVerifiedAt());

        String why = "failed: cannot connect to postgresql://admin:s3cret@scratch/postgres";
        BackupCheckView failed = mapper.toView(new VerifyBackupUseCase.Result(
                verified.withRestoreTest(Instant.parse("2024-06-02T00:01:00Z"), why), "ok", why));
        assertFalse(failed.ok());
        assertEquals("failed: cannot connect to postgresql://admin:****@scratch/postgres", failed.restoreTestResult());
        assertEquals(failed.restoreTestResult(), failed.backup().restoreTestResult());
    }

    @Test
    void aPruneViewListsWhatWasOrWouldBeDeleted() {
        PruneView v = mapper.toPruneView(List.of(manifest), true);
        assertTrue(v.dryRun());
        assertEquals(List.of("shop-20240601T020000Z"), v.pruned().stream().map(BackupView::id).toList());
    }
}
