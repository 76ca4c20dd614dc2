package com.partpal.db.adapters.http;

/** The outcome of POST /api/backups/{id}/verify; restoreTestResult is null when no restore test ran. */
public record BackupCheckView(String id, boolean ok, String verifyResult, String restoreTestResult, BackupView backup) {
}
