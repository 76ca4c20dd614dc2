package com.partpal.db.adapters.cli.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How long any thread of this process waits beyond what it asked for (in the manner of jHiccup): a thread that asks to
 * sleep 1 ms, over and over, and records how much later it woke. What it measures is not the server's code but the
 * platform under it: CPU the operating system gave to others, garbage collection and safepoint pauses. When its p99
 * is as large as a request's, the request's latency is the platform's, not the handler's.
 */
final class StallMeter implements AutoCloseable {
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private final Delays late = new Delays();
    private final Thread thread;
    private volatile boolean running = true;

    StallMeter() {
        thread = new Thread(this::measure, "bench-stall-meter");
        thread.setDaemon(true);
        thread.start();
    }

    private void measure() {
        while (running) {
            long asked = System.nanoTime() + PERIOD_NANOS;
            LockSupport.parkNanos(PERIOD_NANOS);
            late.add(System.nanoTime() - asked);
        }
    }

    List<Long> sortedMicros() {
        return late.sortedMicros();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
