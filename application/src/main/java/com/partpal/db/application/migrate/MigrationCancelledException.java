package com.partpal.db.application.migrate;

/** A run stopped on request; the target keeps every batch committed before, with the state to resume from. */
public final class MigrationCancelledException extends RuntimeException {
    /** @param where a table being loaded, or a step ("the load", "a retry") */
    public MigrationCancelledException(String where) {
        super("migration cancelled " + (where.startsWith("a ") || where.startsWith("the ") ? "during " : "while loading ")
                + where + "; the target keeps what was committed: run again with --resume to continue");
    }
}
