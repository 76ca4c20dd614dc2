package com.partpal.db.application.port.backup;

/** A backup, check or restore that started but failed (a tool exited with an error): front ends exit with 1. */
public class BackupFailedException extends RuntimeException {
    public BackupFailedException(String message) {
        super(message);
    }

    public BackupFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
