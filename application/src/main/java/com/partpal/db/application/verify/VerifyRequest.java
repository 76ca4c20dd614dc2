package com.partpal.db.application.verify;

import com.partpal.db.domain.plan.PlanOptions;
import com.partpal.db.domain.verify.ExpectedRejects;

/**
 * What verify is asked to compare.
 *
 * @param planOptions the tables to compare (--tables/--exclude) and migrate's --json-columns
 * @param rejects     the rows a migrate rejects file lists (expected missing), or {@link ExpectedRejects#NONE}
 * @param maxDiffs    differences listed per table (all are counted)
 * @param jobs        tables compared at once
 */
public record VerifyRequest(String from, String to, PlanOptions planOptions, ExpectedRejects rejects, int maxDiffs,
                            int jobs) {
    /** The defaults every front end uses (also for the verification that ends a migration). */
    public static final int DEFAULT_MAX_DIFFS = 100;
    public static final int DEFAULT_JOBS = 2;

    public VerifyRequest {
        if (maxDiffs < 0) {
            throw new IllegalArgumentException("max diffs must not be negative");
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        planOptions = planOptions == null ? PlanOptions.all() : planOptions;
        rejects = rejects == null ? ExpectedRejects.NONE : rejects;
    }
}
