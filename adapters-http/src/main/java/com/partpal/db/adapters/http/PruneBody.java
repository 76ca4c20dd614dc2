package com.partpal.db.adapters.http;

/** POST /api/backups/prune: the CLI's backups prune options (database: its --db; no rule means 30 days). */
public record PruneBody(String directory, Integer retentionDays, Integer keepLast, Boolean dryRun, String database) {
}
