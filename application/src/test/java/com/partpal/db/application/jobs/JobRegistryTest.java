package com.partpal.db.application.jobs;

import com.partpal.db.application.migrate.MigrationCancelledException;
import com.partpal.db.domain.report.TableResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobRegistryTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final JobRegistry registry = new JobRegistry(executor, Clock.systemUTC());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aJobRunsToSucceededWithItsReportAndTableProgress() throws Exception {
        JobSnapshot submitted = registry.submit("migration", "db1", Map.of("to", "postgresql://u:secret@h/db1"),
                (progress, cancelled) -> {
                    progress.tableStarted("parts", 10);
                    progress.rowsLoaded("parts", 5);
                    progress.tableFinished(new TableResult("parts", 10, 10, 0, 0.1));
                    return "{\"outcome\":\"COPIED_ALL\"}";
                });
        JobSnapshot done = awaitFinished(submitted.id());
        assertEquals(JobState.SUCCEEDED, done.state());
        assertEquals("{\"outcome\":\"COPIED_ALL\"}", done.reportJson());
        TableProgress parts = done.tables().get(0);
        assertEquals(10, parts.rowsDone());
        assertTrue(parts.finished());
        assertEquals(0L, parts.etaSeconds());
        assertEquals("postgresql://u:****@h/db1", done.options().get("to"));
        assertFalse(done.toString().contains("secret"));
    }

    @Test
    void aFailureIsKeptMasked() throws Exception {
        JobSnapshot job = registry.submit("migration", "db1", Map.of(), (progress, cancelled) -> {
            throw new IllegalStateException("cannot reach postgresql://u:secret@h/db1");
        });
        JobSnapshot done = awaitFinished(job.id());
        assertEquals(JobState.FAILED, done.state());
        assertEquals("cannot reach postgresql://u:****@h/db1", done.error());
        assertNull(done.reportJson());
    }

    @Test
    void aSecondJobOnTheSameTargetIsRefusedWithTheRunningJobsIdButAnotherTargetRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        JobSnapshot first = registry.submit("migration", "db1", Map.of(), (progress, cancelled) -> {
            await(release);
            return "{}";
        });
        JobConflictException conflict = assertThrows(JobConflictException.class,
                () -> registry.submit("migration", "db1", Map.of(), (p, c) -> "{}"));
        assertEquals(first.id(), conflict.runningJobId());
        JobSnapshot other = registry.submit("migration", "db2", Map.of(), (p, c) -> "{}");
        assertEquals(JobState.SUCCEEDED, awaitFinished(other.id()).state());
        release.countDown();
        awaitFinished(first.id());
        JobSnapshot again = registry.submit("migration", "db1", Map.of(), (p, c) -> "{}");
        assertEquals(JobState.SUCCEEDED, awaitFinished(again.id()).state());
        assertEquals(3, registry.list().size());
    }

    @Test
    void cancelSetsTheFlagTheWorkChecksAndTheJobEndsCancelled() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        JobSnapshot job = registry.submit("migration", "db1", Map.of(), (progress, cancelled) -> {
            running.countDown();
            while (!cancelled.getAsBoolean()) {
                Thread.onSpinWait();
            }
            throw new MigrationCancelledException("parts");
        });
        await(running);
        assertEquals(JobState.RUNNING, registry.find(job.id()).orElseThrow().state());
        registry.cancel(job.id());
        JobSnapshot done = awaitFinished(job.id());
        assertEquals(JobState.CANCELLED, done.state());
        assertTrue(done.error().contains("cancelled"));
        assertTrue(registry.cancel("no-such-job").isEmpty());
    }

    private JobSnapshot awaitFinished(String id) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            JobSnapshot job = registry.find(id).orElseThrow();
            if (job.state().finished()) {
                return job;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
