package com.partpal.db.application.jobs;

/** Another job already writes the same target; {@code runningJobId} names it. */
public final class JobConflictException extends RuntimeException {
    private final String runningJobId;

    public JobConflictException(String target, String runningJobId) {
        super("job " + runningJobId + " is already writing " + target + "; wait for it or cancel it");
        this.runningJobId = runningJobId;
    }

    public String runningJobId() {
        return runningJobId;
    }
}
