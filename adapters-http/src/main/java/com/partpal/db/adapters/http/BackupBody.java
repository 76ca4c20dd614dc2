package com.partpal.db.adapters.http;

/** POST /api/backups: the CLI's backup options; directory defaults like the CLI's --dir. */
public record BackupBody(String database, String directory, String format, Integer retentionDays, Integer keepLast) {
}
