package com.partpal.db.application.jobs;

import java.time.Duration;

/**
 * Rows done of one table so far; {@code totalRows} is the source's count. {@code rowsPerSecond} is rows done over the
 * time since the table started (null before any time has passed); {@code etaSeconds} is the rows left at that rate
 * (0 once finished, null while the rate is unknown or zero). {@code rejectedRows}: rows of a finished table that went to
 * the rejects file instead of the target (0 until it finished).
 */
public record TableProgress(String table, long totalRows, long rowsDone, boolean finished, Double rowsPerSecond,
                            Long etaSeconds, long rejectedRows) {

    /** A table with no rejected row (known once it finished: its rowsDone less its rejectedRows were copied). */
    public TableProgress(String table, long totalRows, long rowsDone, boolean finished, Double rowsPerSecond,
                         Long etaSeconds) {
        this(table, totalRows, rowsDone, finished, rowsPerSecond, etaSeconds, 0);
    }

    /** The figures of a table that has loaded {@code rowsDone} of {@code totalRows} rows in {@code elapsed}. */
    public static TableProgress measure(String table, long totalRows, long rowsDone, boolean finished,
                                        Duration elapsed) {
        return measure(table, totalRows, rowsDone, finished, elapsed, 0);
    }

    /** Likewise, with the rows rejected. */
    public static TableProgress measure(String table, long totalRows, long rowsDone, boolean finished,
                                        Duration elapsed, long rejectedRows) {
        double seconds = elapsed.toNanos() / 1e9;
        Double rate = seconds > 0 ? Math.round(rowsDone / seconds * 10) / 10.0 : null;
        Long eta;
        if (finished) {
            eta = 0L;
        } else if (rate == null || rowsDone == 0) {
            eta = null;
        } else {
            eta = (long) Math.ceil(Math.max(0, totalRows - rowsDone) * seconds / rowsDone);
        }
        return new TableProgress(table, totalRows, rowsDone, finished, rate, eta, rejectedRows);
    }
}
