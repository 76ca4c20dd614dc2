package com.partpal.db.adapters.http;

/**
 * POST /api/restores: the CLI's restore options; confirm is the name of the database it overwrites (the CLI's typed
 * confirmation), not needed for a dry run. database is the CLI's --db (whose "latest"), allowOtherDatabase its
 * --allow-other-database (restore a backup of another database into "to").
 */
public record RestoreBody(String backup, String to, String directory, Boolean dropDatabase, Boolean dryRun,
                          Integer jobs, String confirm, String database, Boolean allowOtherDatabase) {
}
