package com.partpal.db.application.migrate;

import java.util.Comparator;
import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of threads taking waiting steps by priority (lower first), then rank (lower first), then in the
 * order they were handed over. A first-come pool would run the index builds of a table loaded early before the keys
 * of the largest table loaded a moment later, leaving that table's long chain of steps for the end.
 */
final class PriorityPool implements AutoCloseable {
    private static final Comparator<Step> ORDER = Comparator.comparingInt(Step::priority)
            .thenComparingLong(Step::rank).thenComparingLong(Step::sequence);

    private final ThreadPoolExecutor threads;
    private final AtomicLong handedOver = new AtomicLong();

    PriorityPool(int size, String threadName) {
        threads = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        threads.prestartAllCoreThreads(); // every step then goes through the queue, in order
    }

    /** Runs what it is given with this priority and rank. */
    Executor at(int priority, long rank) {
        return task -> threads.execute(new Step(priority, rank, handedOver.getAndIncrement(), task));
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    private record Step(int priority, long rank, long sequence, Runnable task) implements Runnable, Comparable<Step> {
        @Override
        public void run() {
            task.run();
        }

        @Override
        public int compareTo(Step other) {
            return ORDER.compare(this, other);
        }
    }
}
