package com.partpal.db.domain.backup;

import com.partpal.db.domain.BadInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupManifestTest {
    @Test
    void jsonRoundTripKeepsEveryField() {
        BackupManifest m = new BackupManifest("shop-20240102T030405Z", "shop \"quoted\"\n", "postgres", "15.19",
                "15.18", Instant.parse("2024-01-02T03:04:05.123Z"), Instant.parse("2024-01-02T03:04:09Z"),
                123_456_789_012L, "0f".repeat(32), "plain", "gzip", Map.of("b", 2L, "a", 9_000_000_000L),
                Instant.parse("2024-01-03T00:00:00Z"), "ok", Instant.parse("2024-01-04T00:00:00Z"),
                "failed: row counts differ");
        BackupManifest back = BackupManifest.parse(m.toJson());
        assertEquals(m, back);
        assertEquals(BackupFormat.PLAIN_GZIP, back.backupFormat());
        assertEquals("[a, b]", back.tableRowCounts().keySet().toString());
    }

    @Test
    void nullsSurvive() {
        BackupManifest m = new BackupManifest("x", "x.db", "sqlite", "3.51.0", null, Instant.EPOCH, Instant.EPOCH, 0,
                "aa", "sqlite", "none", Map.of(), null, null, null, null);
        assertEquals(m, BackupManifest.parse(m.toJson()));
    }

    @Test
    void goodMeansChecksummedAndNotFailed() {
        BackupManifest m = Manifests.of("shop", "2024-01-01T00:00:00Z");
        assertTrue(m.good());
        assertTrue(m.withVerification(Instant.EPOCH, "ok").good());
        assertFalse(m.withVerification(Instant.EPOCH, "failed: checksum").good());
        assertFalse(m.withRestoreTest(Instant.EPOCH, "failed: row counts").good());
    }

    @Test
    void malformedManifestIsBadInput() {
        assertThrows(BadInputException.class, () -> BackupManifest.parse("{\"id\": \"x\""));
        assertThrows(BadInputException.class, () -> BackupManifest.parse("[]"));
        assertThrows(BadInputException.class, () -> BackupManifest.parse("{\"id\": 3}"));
    }
}
