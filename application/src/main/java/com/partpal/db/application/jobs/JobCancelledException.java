package com.partpal.db.application.jobs;

/** Work stopped on request; the message says what state it left its target in. */
public final class JobCancelledException extends RuntimeException {
    public JobCancelledException(String targetState) {
        super(targetState);
    }
}
