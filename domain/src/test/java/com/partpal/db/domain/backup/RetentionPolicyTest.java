package com.partpal.db.domain.backup;

import com.partpal.db.domain.BadInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionPolicyTest {
    private static final Instant NOW = Instant.parse("2024-03-31T12:00:00Z");

    /** One backup a day at 02:00 UTC from March 1st to March 31st. */
    private static List<BackupManifest> daily(String database) {
        List<BackupManifest> all = new ArrayList<>();
        for (int day = 1; day <= 31; day++) {
            all.add(Manifests.of(database, String.format("2024-03-%02dT02:00:00Z", day)));
        }
        return all;
    }

    private static List<String> days(List<BackupManifest> deleted) {
        return deleted.stream().map(b -> b.startedAt().toString().substring(8, 10)).toList();
    }

    @Test
    void byAgeDeletesOnlyOlderThanTheCutoff() {
        for (int maxAge = 0; maxAge <= 40; maxAge++) {
            List<BackupManifest> deleted = new RetentionPolicy(maxAge, null).toDelete(daily("shop"), NOW);
            Instant cutoff = NOW.minusSeconds(maxAge * 86_400L);
            long expected = daily("shop").stream().filter(b -> b.startedAt().isBefore(cutoff)).count();
            // the newest is always kept, even when every backup is older than the cutoff
            assertEquals(Math.min(expected, 30), deleted.size(), "maxAge " + maxAge);
            deleted.forEach(b -> assertTrue(b.startedAt().isBefore(cutoff)));
        }
        assertEquals(List.of("01", "02", "03"), days(new RetentionPolicy(28, null).toDelete(daily("shop"), NOW)));
    }

    @Test
    void byCountKeepsTheNewestN() {
        assertEquals(28, new RetentionPolicy(null, 3).toDelete(daily("shop"), NOW).size());
        assertEquals(List.of("01", "02"), days(new RetentionPolicy(null, 29).toDelete(daily("shop"), NOW)));
        assertEquals(30, new RetentionPolicy(null, 0).toDelete(daily("shop"), NOW).size());
        assertEquals(List.of(), new RetentionPolicy(null, 31).toDelete(daily("shop"), NOW));
    }

    @Test
    void aBackupIsKeptWhenAnyRuleKeepsIt() {
        // the 3 newest, or anything from the last 10 days: both rules together keep March 22nd on
        assertEquals(21, new RetentionPolicy(10, 3).toDelete(daily("shop"), NOW).size());
        assertEquals(28, new RetentionPolicy(1, 3).toDelete(daily("shop"), NOW).size());
    }

    @Test
    void neverDeletesTheNewestGoodBackup() {
        List<BackupManifest> all = daily("shop");
        // the three newest are broken: the 28th is the newest good one and survives keep-last 1
        for (int i = 28; i < 31; i++) {
            all.set(i, all.get(i).withVerification(NOW, "failed: checksum mismatch"));
        }
        List<String> deleted = days(new RetentionPolicy(0, 1).toDelete(all, NOW));
        assertEquals(29, deleted.size());
        assertTrue(!deleted.contains("28") && !deleted.contains("31"), deleted.toString());
    }

    @Test
    void eachDatabaseHasItsOwnMinimum() {
        List<BackupManifest> all = new ArrayList<>(daily("shop"));
        all.add(Manifests.of("parts", "2023-01-01T00:00:00Z"));
        List<BackupManifest> deleted = new RetentionPolicy(7, null).toDelete(all, NOW);
        assertTrue(deleted.stream().noneMatch(b -> b.database().equals("parts")));
        assertEquals(24, deleted.size());
        assertEquals("2024-03-01T02:00:00Z", deleted.get(0).startedAt().toString());
    }

    @Test
    void noRuleKeepsEverythingAndNegativeRulesAreRefused() {
        assertEquals(List.of(), RetentionPolicy.keepAll().toDelete(daily("shop"), NOW));
        assertThrows(BadInputException.class, () -> new RetentionPolicy(-1, null));
        assertThrows(BadInputException.class, () -> new RetentionPolicy(null, -2));
    }
}
