package com.partpal.db.adapters.http;

/** POST /api/backups/prune: the CLI's backups prune options. */
public record PruneBody(String directory, Integer retentionDays, Integer keepLast, Boolean dryRun) {
}
