package com.partpal.db.application.migrate;

/** A run stopped on request; the target keeps every batch committed before, with the state to resume from. */
public final class MigrationCancelledException extends RuntimeException {
    public MigrationCancelledException(String where) {
        super("migration cancelled while " + (where.startsWith("a ") || where.startsWith("the ") ? "in " : "loading ")
                + where + "; the target keeps what was committed: run again with --resume to continue");
    }
}
