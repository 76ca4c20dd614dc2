package com.partpal.db.application.migrate;

/** A run stopped on request; the target keeps what was committed before (the report says which tables). */
public final class MigrationCancelledException extends RuntimeException {
    public MigrationCancelledException(String where) {
        super("migration cancelled while loading " + where
                + "; the target is incomplete: run again with --on-existing drop");
    }
}
