package com.partpal.db.adapters.http;

import java.util.Map;

/** A catalogued backup (its manifest) as the API shows it; times are UTC ISO-8601; identity null for older ones. */
public record BackupView(String id, String database, String engine, String serverVersion, String pgDumpVersion,
                         String startedAt, String finishedAt, long sizeBytes, String sha256, String format,
                         String compression, Map<String, Long> tableRowCounts, String lastVerifiedAt,
                         String lastVerifyResult, String lastRestoreTestAt, String restoreTestResult,
                         Map<String, Object> identity) {
}
