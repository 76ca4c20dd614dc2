package com.partpal.db.application.port;

/**
 * Marks a failure that retrying at once will not cure but that leaves the target resumable once its cause is fixed
 * (the target's disk or quota is full, the role may not write): migrate keeps its state and says how to resume.
 * Transient failures that outlast their retries are resumable too.
 */
public interface ResumableFailure {
    static boolean isResumable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ResumableFailure || t instanceof TransientFailure) {
                return true;
            }
        }
        return false;
    }
}
