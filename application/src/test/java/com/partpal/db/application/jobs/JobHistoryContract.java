package com.partpal.db.application.jobs;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every {@link JobHistory} must do. An implementation's test extends this class; {@link #newHistory()} gives an
 * empty history and {@link #reopen(JobHistory)} the same store as the next server start finds it.
 */
public abstract class JobHistoryContract {
    protected abstract JobHistory newHistory();

    /** The history a restarted server reads from the same store; the same object for a store in memory. */
    protected JobHistory reopen(JobHistory history) {
        return history;
    }

    public static JobSnapshot job(String id, JobState state, String reportJson) {
        return new JobSnapshot(id, "migration", "localhost:5432/partpal",
                Map.of("to", "postgresql://u:****@localhost/partpal", "jobs", "2"), state, "loading tables",
                List.of(new TableProgress("parts", 100, 40, false, 20.5, 3L),
                        new TableProgress("labels", 5, 5, true, null, 0L)),
                state == JobState.FAILED ? "the target refused: disk full" : null, reportJson,
                "2026-03-01T10:00:00Z", state == JobState.RUNNING ? null : "2026-03-01T10:05:00Z",
                "2026-03-01T10:00:01Z");
    }

    private static List<JobSnapshot> byId(List<JobSnapshot> jobs) {
        return jobs.stream().sorted(Comparator.comparing(JobSnapshot::id)).toList();
    }

    @Test
    void aNewHistoryHoldsNoJob() {
        assertEquals(List.of(), newHistory().load());
    }

    @Test
    void everySavedJobIsLoadedBackWhole() {
        JobHistory history = newHistory();
        JobSnapshot running = job("5f0c-1", JobState.RUNNING, null);
        JobSnapshot done = job("77aa-2", JobState.SUCCEEDED, "{\"outcome\":\"COPIED_ALL\",\"tables\":[]}");
        history.save(running);
        history.save(done);
        assertEquals(List.of(running, done), byId(reopen(history).load()));
    }

    @Test
    void aSaveReplacesTheJobsRecord() {
        JobHistory history = newHistory();
        history.save(job("5f0c-1", JobState.RUNNING, null));
        JobSnapshot failed = job("5f0c-1", JobState.FAILED, null);
        history.save(failed);
        assertEquals(List.of(failed), reopen(history).load());
    }

    @Test
    void aDeletedJobIsForgottenAndDeletingAnUnknownOneDoesNothing() {
        JobHistory history = newHistory();
        JobSnapshot kept = job("77aa-2", JobState.SUCCEEDED, "{}");
        history.save(job("5f0c-1", JobState.CANCELLED, null));
        history.save(kept);
        history.delete("5f0c-1");
        history.delete("0000-9");
        assertEquals(List.of(kept), reopen(history).load());
    }
}
