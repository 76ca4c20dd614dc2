package com.partpal.db.adapters.cli.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How long a task waits for the server's event loops: every 5 ms a thread of its own hands each loop a task that
 * records how long it waited to run. A loop busy with other connections' work (or blocked) shows here; a free one runs
 * it within the platform's own stalls ({@link StallMeter}).
 */
final class EventLoopLag implements AutoCloseable {
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private final Delays late = new Delays();
    private final Thread prober;
    private volatile boolean running = true;

    EventLoopLag(EventLoopGroup loops) {
        List<EventExecutor> all = new ArrayList<>();
        loops.forEach(all::add);
        prober = new Thread(() -> {
            while (running) {
                for (EventExecutor loop : all) {
                    long handed = System.nanoTime();
                    loop.execute(() -> late.add(System.nanoTime() - handed));
                }
                LockSupport.parkNanos(PERIOD_NANOS);
            }
        }, "bench-loop-probe");
        prober.setDaemon(true);
        prober.start();
    }

    List<Long> sortedMicros() {
        return late.sortedMicros();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        prober.join();
    }
}
