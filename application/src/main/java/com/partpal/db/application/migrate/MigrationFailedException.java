package com.partpal.db.application.migrate;

/** A migrate run that failed after it started writing; the message says what was cleaned up (see FailedRun). */
public final class MigrationFailedException extends RuntimeException {
    public MigrationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
