package com.partpal.db.adapters.http;

import java.util.List;

/** The backups a prune deleted (or, on a dry run, would delete), oldest first. */
public record PruneView(boolean dryRun, List<BackupView> pruned) {
}
