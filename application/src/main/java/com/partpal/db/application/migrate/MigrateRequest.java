package com.partpal.db.application.migrate;

import com.partpal.db.application.port.OnExisting;
import com.partpal.db.domain.plan.PlanOptions;

/**
 * What a migrate run is asked to do.
 *
 * @param jobs      tables loaded (and indexes built) at once
 * @param batchSize rows between progress updates and cancellation checks
 * @param verify run verify after the load and include it in the outcome
 */
public record MigrateRequest(String from, String to, PlanOptions planOptions, int jobs, int batchSize, OnExisting onExisting,
                             boolean dryRun, boolean verify) {
    /** The defaults every front end uses. */
    public static final int DEFAULT_JOBS = 2;
    public static final int DEFAULT_BATCH_SIZE = 5000;

    public MigrateRequest {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
    }
}
