package com.partpal.db.application.jobs;

import java.util.Locale;

/** A finished job cannot be cancelled. */
public final class JobFinishedException extends RuntimeException {
    public JobFinishedException(JobSnapshot job) {
        super("job " + job.id() + " already finished (" + job.state().name().toLowerCase(Locale.ROOT)
                + "); there is nothing to cancel");
    }
}
