package com.partpal.db.application.port.backup;

import java.nio.file.Path;

/**
 * @param jobs    parallel pg_restore jobs; more than 1 gives up the single transaction
 * @param globals the roles saved with the backup, to recreate first (then owners and grants are restored), or null
 */
public record RestoreOptions(boolean dropDatabase, int jobs, Path globals) {
    public RestoreOptions(boolean dropDatabase, int jobs) {
        this(dropDatabase, jobs, null);
    }
}
