package com.partpal.db.domain.backup;

import java.time.Instant;
import java.util.Map;

final class Manifests {
    private Manifests() {
    }

    static BackupManifest of(String database, String startedAt) {
        Instant at = Instant.parse(startedAt);
        return new BackupManifest(database + "-" + startedAt, database, "postgres", "15.19", "15.18", at,
                at.plusSeconds(3), 100, "ab".repeat(32), "custom", "internal", Map.of("t", 1L), null, null, null, null);
    }
}
