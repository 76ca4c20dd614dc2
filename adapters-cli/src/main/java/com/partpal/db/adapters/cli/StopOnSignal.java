package com.partpal.db.adapters.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run: the JVM's shutdown hook asks the run to stop (it checks between batches,
 * and rolls back the batch it was in) and holds the exit up to {@link #GRACE_MS} ms so that the run can say what it
 * committed and how to continue; the JVM then exits with 130 or 143 (128 + the signal).
 */
final class StopOnSignal implements BooleanSupplier, AutoCloseable {
    static final long GRACE_MS = 1700;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stop, "partpal-db-stop");

    static StopOnSignal install() {
        StopOnSignal stop = new StopOnSignal();
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    private void stop() {
        requested.set(true);
        try {
            finished.await(GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean getAsBoolean() {
        return requested.get() || Thread.currentThread().isInterrupted();
    }

    boolean signalled() {
        return requested.get();
    }

    /** What the JVM exits with after a signal (it does so itself; this is for the return value). */
    int exitCode() {
        return 130;
    }

    /** The run ended (printed what it had to): a signal may let the JVM exit now. */
    @Override
    public void close() {
        finished.countDown();
        if (!requested.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }
}
