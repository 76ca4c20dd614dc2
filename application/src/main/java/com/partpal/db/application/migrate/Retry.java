package com.partpal.db.application.migrate;

import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.application.port.TransientFailure;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs a step again when it fails transiently ({@link TransientFailure}: a server restarting, a dropped connection,
 * a deadlock, too many connections, a locked SQLite file), up to {@code retries} times, waiting with exponential
 * backoff and full jitter (0.5 s, 1 s, 2 s, ... at most 30 s, each a random 50-100 % of that), and never past
 * {@link #MAX_TOTAL} in all. Each retry is reported with its reason. Steps must be safe to repeat (every migrate step
 * is: a load goes on from its committed checkpoint, DDL uses IF NOT EXISTS, removals are recorded with the delete).
 */
final class Retry {
    static final int DEFAULT_RETRIES = 8;
    static final Duration MAX_TOTAL = Duration.ofMinutes(10);
    private static final long FIRST_WAIT_MS = 500;
    private static final long LONGEST_WAIT_MS = 30_000;

    private final int retries;
    private final ProgressListener progress;
    private final BooleanSupplier stop;
    private final long deadlineNanos;

    Retry(int retries, ProgressListener progress, BooleanSupplier stop) {
        this.retries = retries;
        this.progress = progress;
        this.stop = stop;
        this.deadlineNanos = System.nanoTime() + MAX_TOTAL.toNanos();
    }

    <T> T call(String what, Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (MigrationCancelledException e) {
                throw e;
            } catch (RuntimeException e) {
                long wait = waitMillis(attempt);
                if (!TransientFailure.isTransient(e) || attempt > retries || stop.getAsBoolean()
                        || System.nanoTime() + wait * 1_000_000 > deadlineNanos) {
                    throw e;
                }
                progress.phase(String.format(Locale.ROOT, "retry %d of %d for %s in %.1f s: %s", attempt, retries,
                        what, wait / 1000.0, e.getMessage()));
                sleep(wait);
            }
        }
    }

    void run(String what, Runnable step) {
        call(what, () -> {
            step.run();
            return null;
        });
    }

    static long waitMillis(int attempt) {
        long ceiling = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS << Math.min(attempt - 1, 16));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    /** Sleeps in small steps, so that a stop request ends the wait at once. */
    private void sleep(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        try {
            while (System.nanoTime() < until) {
                if (stop.getAsBoolean()) {
                    throw new MigrationCancelledException("a retry");
                }
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationCancelledException("a retry");
        }
    }
}
