package com.partpal.db.application.migrate;

import com.partpal.db.application.port.OnExisting;
import com.partpal.db.domain.plan.PlanOptions;

/**
 * What a migrate run is asked to do.
 *
 * @param jobs           tables loaded (and indexes built) at once
 * @param batchSize      rows between progress updates and cancellation checks
 * @param verify         run verify after the load and include it in the outcome
 * @param resume         go on with the interrupted run whose state the target keeps, from each table's last checkpoint
 * @param retries        times a step that fails transiently is tried again (0: never)
 * @param checkpointRows rows per committed batch of a table's load (each commit records where the load stands)
 */
public record MigrateRequest(String from, String to, PlanOptions planOptions, int jobs, int batchSize, OnExisting onExisting,
                             boolean dryRun, boolean verify, boolean resume, int retries, long checkpointRows) {
    /** The defaults every front end uses. */
    public static final int DEFAULT_JOBS = 2;
    public static final int DEFAULT_BATCH_SIZE = 5000;
    public static final int DEFAULT_RETRIES = Retry.DEFAULT_RETRIES;
    public static final long DEFAULT_CHECKPOINT_ROWS = 1_000_000;

    public MigrateRequest {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        if (checkpointRows < 1) {
            throw new IllegalArgumentException("checkpoint rows must be at least 1");
        }
    }

    /** A new run (not a resume) with the default retries and checkpoints. */
    public MigrateRequest(String from, String to, PlanOptions planOptions, int jobs, int batchSize, OnExisting onExisting,
                          boolean dryRun, boolean verify) {
        this(from, to, planOptions, jobs, batchSize, onExisting, dryRun, verify, false, DEFAULT_RETRIES,
                DEFAULT_CHECKPOINT_ROWS);
    }
}
