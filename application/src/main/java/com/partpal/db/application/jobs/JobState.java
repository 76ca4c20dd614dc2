package com.partpal.db.application.jobs;

/**
 * Where a job is in its life; all but QUEUED and RUNNING are final. INTERRUPTED: the server stopped while the job was
 * queued or running (found so in the history at the next start; such a job is never restarted).
 */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
