package com.partpal.db.adapters.http;

/** POST /api/backups/{id}/verify (optional body): the CLI's backups verify options. */
public record BackupCheckBody(String directory, Boolean restoreTest, String scratchServer, String database) {
}
