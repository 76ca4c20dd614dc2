package com.partpal.db.application.jobs;

import java.time.Duration;

/**
 * How long finished jobs are kept (in the list and in the history): at most {@code maxFinished} of them, none that
 * finished more than {@code maxAge} ago. Unfinished jobs are always kept.
 */
public record JobRetention(int maxFinished, Duration maxAge) {
    public static final JobRetention DEFAULT = new JobRetention(1000, Duration.ofDays(30));

    public JobRetention {
        if (maxFinished < 0 || maxAge == null || maxAge.isNegative()) {
            throw new IllegalArgumentException("job retention needs a count >= 0 and an age >= 0");
        }
    }
}
