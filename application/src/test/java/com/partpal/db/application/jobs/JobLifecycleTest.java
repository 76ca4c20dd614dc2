package com.partpal.db.application.jobs;

import com.partpal.db.application.migrate.MigrationCancelledException;
import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.domain.report.TableResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress figures on the registry's clock, the history saved at every state change, interrupted jobs, cancel. */
class JobLifecycleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final List<Runnable> queue = new ArrayList<>();
    private final MemoryHistory history = new MemoryHistory();
    private final JobRegistry registry = new JobRegistry(queue::add, clock, history);

    private void runQueued() {
        List<Runnable> now = new ArrayList<>(queue);
        queue.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void tableProgressShowsRowsPerSecondAndEtaMeasuredOnTheRegistrysClock() {
        ProgressListener[] progress = new ProgressListener[1];
        JobSnapshot job = registry.submit("migration", "db1", Map.of(), (p, cancelled) -> {
            progress[0] = p;
            p.phase("loading");
            p.tableStarted("parts", 1_000);
            clock.advance(Duration.ofSeconds(2));
            p.rowsLoaded("parts", 500);
            TableProgress half = registry.find(job0(registry)).orElseThrow().tables().get(0);
            assertEquals(250.0, half.rowsPerSecond());
            assertEquals(2L, half.etaSeconds());
            clock.advance(Duration.ofSeconds(3));
            TableProgress slower = registry.find(job0(registry)).orElseThrow().tables().get(0);
            assertEquals(100.0, slower.rowsPerSecond());
            assertEquals(5L, slower.etaSeconds());
            p.tableFinished(new TableResult("parts", 1_000, 1_000, 0, 99.0));
            return "{\"outcome\":\"COPIED_ALL\"}";
        });
        assertEquals(JobState.QUEUED, job.state());
        runQueued();
        clock.advance(Duration.ofMinutes(1));
        JobSnapshot done = registry.find(job.id()).orElseThrow();
        assertEquals(JobState.SUCCEEDED, done.state());
        assertEquals("loading", done.phase());
        // a finished table keeps the rate of its own load (1000 rows in 5 s), not one diluted by later time
        assertEquals(new TableProgress("parts", 1_000, 1_000, true, 200.0, 0L), done.tables().get(0));
        assertEquals("{\"outcome\":\"COPIED_ALL\"}", done.reportJson());
        assertEquals("2026-03-01T10:00:00Z", done.submittedAt());
        assertEquals("2026-03-01T10:00:00Z", done.startedAt());
        assertEquals("2026-03-01T10:00:05Z", done.finishedAt());
    }

    private static String job0(JobRegistry registry) {
        return registry.list().get(0).id();
    }

    @Test
    void everyStateAndPhaseChangeIsSavedMaskedAndTheLastSaveIsTheFinalState() {
        JobSnapshot job = registry.submit("migration", "postgresql://u:secret@h/db1",
                Map.of("to", "postgresql://u:secret@h/db1"), (p, cancelled) -> {
                    p.phase("creating tables");
                    p.phase("verifying");
                    return "{}";
                });
        assertEquals(List.of(JobState.QUEUED), history.saves.stream().map(JobSnapshot::state).toList());
        runQueued();
        assertEquals(List.of(JobState.QUEUED, JobState.RUNNING, JobState.RUNNING, JobState.RUNNING,
                JobState.SUCCEEDED), history.saves.stream().map(JobSnapshot::state).toList());
        assertEquals("verifying", history.saves.get(3).phase());
        assertEquals(registry.find(job.id()).orElseThrow(), history.stored.get(job.id()));
        assertFalse(history.saves.toString().contains("secret"), history.saves.toString());
    }

    @Test
    void aNewRegistryOnTheSameHistoryListsItsJobsAndThoseLeftQueuedOrRunningAsInterrupted() {
        JobSnapshot finished = registry.submit("migration", "db1", Map.of(), (p, c) -> "{\"ok\":true}");
        runQueued();
        JobSnapshot running = registry.submit("migration", "db2", Map.of("jobs", "2"), (p, c) -> "{}");
        JobSnapshot queued = registry.submit("migration", "db3", Map.of(), (p, c) -> "{}");
        // the server stops here, with one job's last save saying RUNNING and the other's QUEUED
        queue.clear();
        history.stored.put(running.id(), new JobSnapshot(running.id(), "migration", "db2", Map.of("jobs", "2"),
                JobState.RUNNING, "loading tables", List.of(), null, null, running.submittedAt(), null,
                running.submittedAt()));

        clock.advance(Duration.ofHours(1));
        List<Runnable> restartedQueue = new ArrayList<>();
        JobRegistry restarted = new JobRegistry(restartedQueue::add, clock, history);
        assertTrue(restartedQueue.isEmpty(), "nothing is restarted");
        List<JobSnapshot> jobs = restarted.list();
        assertEquals(List.of(finished.id(), running.id(), queued.id()), jobs.stream().map(JobSnapshot::id).toList());
        assertEquals(JobState.SUCCEEDED, jobs.get(0).state());
        assertEquals("{\"ok\":true}", jobs.get(0).reportJson());
        JobSnapshot interrupted = restarted.find(running.id()).orElseThrow();
        assertEquals(JobState.INTERRUPTED, interrupted.state());
        assertEquals("the server stopped while it ran (loading tables); it was not restarted: start it again",
                interrupted.error());
        assertEquals("2026-03-01T11:00:00Z", interrupted.finishedAt());
        assertEquals(Map.of("jobs", "2"), interrupted.options());
        assertEquals(JobState.INTERRUPTED, restarted.find(queued.id()).orElseThrow().state());
        assertTrue(restarted.find(queued.id()).orElseThrow().error().contains("while it was queued"));
        assertEquals(JobState.INTERRUPTED, history.stored.get(running.id()).state());
        assertTrue(interrupted.state().finished());
        // a finished job of the history does not block its target
        assertEquals(JobState.QUEUED, restarted.submit("migration", "db2", Map.of(), (p, c) -> "{}").state());
    }

    @Test
    void aServerStopEndsRunningAndQueuedJobsInterruptedAndTheirWorkIsAskedToStop() {
        boolean[] toldToStop = new boolean[1];
        JobSnapshot running = registry.submit("migration", "db1", Map.of(), (p, cancelled) -> {
            p.phase("loading tables");
            registry.shutdown();
            toldToStop[0] = cancelled.getAsBoolean();
            throw new MigrationCancelledException("parts");
        });
        JobSnapshot queued = registry.submit("migration", "db2", Map.of(), (p, c) -> {
            throw new AssertionError("a job queued when the server stopped never runs");
        });
        runQueued();
        assertTrue(toldToStop[0]);
        JobSnapshot stopped = registry.find(running.id()).orElseThrow();
        assertEquals(JobState.INTERRUPTED, stopped.state());
        assertEquals("the server stopped while it ran (loading tables); it was not restarted: start it again",
                stopped.error());
        assertEquals(stopped, history.stored.get(running.id()));
        assertEquals(JobState.INTERRUPTED, history.stored.get(queued.id()).state());
        assertEquals(JobState.INTERRUPTED, registry.find(queued.id()).orElseThrow().state());
    }

    @Test
    void cancellingAFinishedJobIsRefusedAndAQueuedOneNeverStarts() {
        JobSnapshot done = registry.submit("migration", "db1", Map.of(), (p, c) -> "{}");
        runQueued();
        JobFinishedException refused = assertThrows(JobFinishedException.class, () -> registry.cancel(done.id()));
        assertEquals("job " + done.id() + " already finished (succeeded); there is nothing to cancel",
                refused.getMessage());

        JobSnapshot queued = registry.submit("migration", "db1", Map.of(), (p, c) -> {
            throw new AssertionError("a job cancelled while queued never runs");
        });
        assertEquals(JobState.QUEUED, registry.cancel(queued.id()).orElseThrow().state());
        runQueued();
        JobSnapshot cancelled = registry.find(queued.id()).orElseThrow();
        assertEquals(JobState.CANCELLED, cancelled.state());
        assertNull(cancelled.startedAt());
        assertTrue(cancelled.error().contains("not touched"), cancelled.error());
        assertThrows(JobFinishedException.class, () -> registry.cancel(queued.id()));
    }

    @Test
    void aCancelledMigrationSaysWhichTablesWereFullyLoadedAndHowToRunAgain() {
        LoadedTables loaded = new LoadedTables("localhost:5432/partpal", ProgressListener.NONE);
        loaded.tableStarted("labels", 10);
        loaded.tableFinished(new TableResult("labels", 10, 10, 0, 0.1));
        loaded.tableStarted("parts", 1000);
        loaded.rowsLoaded("parts", 200);
        assertEquals("migration cancelled; the target localhost:5432/partpal is incomplete: fully loaded: labels; "
                + "every other table is empty (stopped and rolled back: parts); no foreign keys or sequences were "
                + "built (a fully loaded table may have its keys and indexes). Run the migration "
                + "again with onExisting truncate or drop (CLI: --on-existing truncate|drop)",
                loaded.afterCancel());
        assertTrue(new LoadedTables("h/db", ProgressListener.NONE).afterCancel()
                .contains("no table was fully loaded; every other table is empty; no foreign keys"));
    }

    @Test
    void aMigrationCancelledExceptionEndsTheJobCancelled() {
        JobSnapshot job = registry.submit("migration", "db1", Map.of(), (p, cancelled) -> {
            throw new MigrationCancelledException("parts");
        });
        runQueued();
        assertEquals(JobState.CANCELLED, registry.find(job.id()).orElseThrow().state());
    }
}
