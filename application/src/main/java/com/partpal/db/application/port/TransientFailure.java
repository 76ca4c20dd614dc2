package com.partpal.db.application.port;

/**
 * Marks a failure that may pass if the step is tried again a moment later (a server restarting, a dropped
 * connection, a deadlock, too many connections, a locked SQLite file). migrate retries such steps with backoff.
 */
public interface TransientFailure {
    /** Walks the cause chain: whether {@code failure} or one of its causes is transient. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransientFailure) {
                return true;
            }
        }
        return false;
    }
}
