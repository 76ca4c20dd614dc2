package com.partpal.db.application.port.backup;

/** @param jobs parallel pg_restore jobs; more than 1 gives up the single transaction */
public record RestoreOptions(boolean dropDatabase, int jobs) {
}
