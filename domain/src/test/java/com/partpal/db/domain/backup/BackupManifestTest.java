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
    void encryptionSurvivesAndKeepsThroughVerificationAndCopies() {
        BackupManifest clear = Manifests.of("shop", "2024-01-01T00:00:00Z").withId("shop-20240101T000000Z");
        BackupManifest sealed = clear.encrypted(new BackupEncryption(BackupEncryption.TINK_AES256_GCM_HKDF_1MB,
                "0123456789abcdef"), 4242, "cd".repeat(32), null);
        assertEquals("dump.enc", sealed.storedExtension());
        assertEquals("dump", clear.storedExtension());
        assertEquals(4242, sealed.sizeBytes());
        BackupManifest back = BackupManifest.parse(sealed.toJson());
        assertEquals(sealed, back);
        assertEquals(sealed.encryption(), back.withVerification(Instant.EPOCH, "ok").withRestoreTest(Instant.EPOCH,
                "ok").withId("other").encryption());
        assertFalse(clear.toJson().contains("encryption"), "clear manifests are written as before");
        assertThrows(BadInputException.class, () -> BackupManifest.parse(sealed.toJson()
                .replaceAll("\"keyId\"\\s*:\\s*\"0123456789abcdef\"", "\"keyId\": 7")));
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
