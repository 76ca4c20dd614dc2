package com.partpal.db.domain.ops;

import java.util.Arrays;

/**
 * Latency percentiles of one kind of operation, exact (nearest rank over every sample, no histogram buckets).
 *
 * @param count operations measured; the figures are milliseconds
 */
public record Latencies(String operation, int count, double p50, double p95, double p99, double max) {
    public static Latencies of(String operation, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(operation, sorted.length, millis(rank(sorted, 0.50)), millis(rank(sorted, 0.95)),
                millis(rank(sorted, 0.99)), millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile: the smallest sample with at least p of the samples at or below it. */
    static long rank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
