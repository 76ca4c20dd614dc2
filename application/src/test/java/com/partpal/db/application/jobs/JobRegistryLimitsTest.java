package com.partpal.db.application.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retention of finished jobs, conflicts by identity rather than by text, and a graceful stop. */
class JobRegistryLimitsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final MemoryHistory history = new MemoryHistory();

    @Test
    void finishedJobsBeyondTheCountOrTheAgeAreDroppedWithTheirHistoryUnfinishedOnesNever() {
        List<Runnable> queue = new ArrayList<>();
        JobRegistry registry = new JobRegistry(queue::add, clock, history, new JobRetention(2, Duration.ofDays(1)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(registry.submit("verification", "db" + i, Map.of(), (p, c) -> "{}").id());
            queue.remove(0).run();
            clock.advance(Duration.ofMinutes(1));
        }
        JobSnapshot waiting = registry.submit("verification", "db9", Map.of(), (p, c) -> "{}");
        List<String> listed = registry.list().stream().map(JobSnapshot::id).toList();
        assertEquals(List.of(ids.get(2), ids.get(3), waiting.id()), listed);
        assertFalse(history.stored.containsKey(ids.get(0)), "its history record is deleted");

        clock.advance(Duration.ofDays(2));
        registry.submit("verification", "db10", Map.of(), (p, c) -> "{}");
        assertEquals(List.of(waiting.id()), registry.list().stream().map(JobSnapshot::id).limit(1).toList(),
                "too old: gone; still queued: kept");
        assertEquals(2, registry.list().size());
    }

    @Test
    void twoSpellingsOfOneTargetConflict() {
        TargetIdentity loopbackIsOne = target -> target.shown().replace("127.0.0.1", "localhost");
        JobRegistry registry = new JobRegistry(r -> { }, clock, history, JobRetention.DEFAULT, loopbackIsOne);
        JobSnapshot first = registry.submit("migration", JobTarget.named("localhost:5432/db"), Map.of(),
                (p, c) -> "{}");
        JobConflictException conflict = assertThrows(JobConflictException.class,
                () -> registry.submit("migration", JobTarget.named("127.0.0.1:5432/db"), Map.of(), (p, c) -> "{}"));
        assertEquals(first.id(), conflict.runningJobId());
        assertTrue(conflict.getMessage().contains("127.0.0.1:5432/db"), "names the target as written");
        registry.submit("migration", JobTarget.named("127.0.0.1:5432/other"), Map.of(), (p, c) -> "{}");
    }

    @Test
    void aStopRefusesNewJobsAndGivesRunningOnesTheGraceToStopSayingWhatTheyLeft() throws Exception {
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            JobRegistry registry = new JobRegistry(executor, clock, history);
            CountDownLatch running = new CountDownLatch(1);
            JobSnapshot job = registry.submit("migration", "db1", Map.of(), (p, cancelled) -> {
                running.countDown();
                while (!cancelled.getAsBoolean()) {
                    Thread.onSpinWait();
                }
                throw new JobCancelledException("the target db1 holds users only");
            });
            assertTrue(running.await(10, TimeUnit.SECONDS));
            registry.stop(Duration.ofSeconds(10));
            JobSnapshot stopped = registry.find(job.id()).orElseThrow();
            assertEquals(JobState.INTERRUPTED, stopped.state());
            assertEquals("the server stopped while it ran; the target db1 holds users only", stopped.error());
            assertThrows(ServerStoppingException.class,
                    () -> registry.submit("migration", "db2", Map.of(), (p, c) -> "{}"));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aJobThatDoesNotStopWithinTheGraceEndsInterruptedWhenItIsOver() throws Exception {
        ExecutorService executor = Executors.newCachedThreadPool();
        CountDownLatch release = new CountDownLatch(1);
        try {
            JobRegistry registry = new JobRegistry(executor, clock, history);
            CountDownLatch running = new CountDownLatch(1);
            JobSnapshot job = registry.submit("restore", "db1", Map.of(), (p, cancelled) -> {
                running.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "{}";
            });
            assertTrue(running.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            registry.stop(Duration.ofMillis(300));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
            assertEquals(JobState.INTERRUPTED, registry.find(job.id()).orElseThrow().state());
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }
}
