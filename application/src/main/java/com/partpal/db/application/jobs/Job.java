package com.partpal.db.application.jobs;

import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.domain.report.TableResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One job's mutable state, updated from loader threads; read through {@link #snapshot()}. Every state or phase
 * change is saved to the history (under the lock, so saves of one job never overtake each other).
 */
final class Job implements ProgressListener {
    private final String id;
    private final String kind;
    private final String target;
    private final String identity;
    private final Map<String, String> options;
    private final Clock clock;
    private final JobHistory history;
    private final String submittedAt;
    private final Map<String, TableLoad> tables = new LinkedHashMap<>();
    private volatile boolean cancelRequested;
    private volatile boolean stopRequested;
    private JobState state = JobState.QUEUED;
    private String phase;
    private String error;
    private String reportJson;
    private String startedAt;
    private String finishedAt;

    /** A table being loaded: its figures are measured against the clock when a snapshot is taken. */
    private record TableLoad(long totalRows, long rowsDone, Instant started, Duration took, long rejected) {
    }

    Job(String id, String kind, String target, String identity, Map<String, String> options, Clock clock,
        JobHistory history) {
        this.id = id;
        this.kind = kind;
        this.target = target;
        this.identity = identity;
        this.options = new LinkedHashMap<>(options);
        this.clock = clock;
        this.history = history;
        this.submittedAt = clock.instant().toString();
        history.save(snapshot());
    }

    String id() {
        return id;
    }

    String target() {
        return target;
    }

    /** What conflicts are decided by (never shown: it may be an address the user did not write). */
    String identity() {
        return identity;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    synchronized JobState state() {
        return state;
    }

    /** @throws JobFinishedException when there is nothing left to cancel */
    synchronized void requestCancel() {
        if (state.finished()) {
            throw new JobFinishedException(snapshot());
        }
        cancelRequested = true;
    }

    /** The server stops: the work is asked to stop at its next check, as a cancel asks it. */
    synchronized void requestStop() {
        if (!state.finished()) {
            stopRequested = true;
            cancelRequested = true;
        }
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** Waits until the job has finished or System.nanoTime() reaches {@code deadline}. */
    synchronized void awaitFinished(long deadline) {
        long left;
        while (!state.finished() && (left = deadline - System.nanoTime()) > 0) {
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** QUEUED to RUNNING; false if the job was cancelled or interrupted before it started. */
    synchronized boolean start() {
        if (state != JobState.QUEUED || cancelRequested) {
            return false;
        }
        state = JobState.RUNNING;
        startedAt = clock.instant().toString();
        history.save(snapshot());
        return true;
    }

    /** Does nothing once the job is finished (e.g. interrupted by a server stop while its work still winds down). */
    synchronized void finish(JobState finalState, String reportJson, String error) {
        if (state.finished()) {
            return;
        }
        this.state = finalState;
        this.reportJson = reportJson;
        this.error = error;
        this.finishedAt = clock.instant().toString();
        history.save(snapshot());
        notifyAll();
    }

    /** The server stops: the job ends INTERRUPTED now and its work is asked to stop at its next check. */
    synchronized void interrupt() {
        if (state.finished()) {
            return;
        }
        cancelRequested = true;
        error = JobSnapshot.interruptedError(state, phase);
        state = JobState.INTERRUPTED;
        finishedAt = clock.instant().toString();
        history.save(snapshot());
        notifyAll();
    }

    synchronized JobSnapshot snapshot() {
        Instant now = clock.instant();
        return new JobSnapshot(id, kind, target, options, state, phase, tables.entrySet().stream()
                .map(e -> progress(e.getKey(), e.getValue(), now)).toList(), error, reportJson, submittedAt,
                finishedAt, startedAt);
    }

    private static TableProgress progress(String table, TableLoad load, Instant now) {
        boolean finished = load.took() != null;
        return TableProgress.measure(table, load.totalRows(), load.rowsDone(), finished,
                finished ? load.took() : Duration.between(load.started(), now), load.rejected());
    }

    @Override
    public synchronized void phase(String description) {
        phase = description;
        history.save(snapshot());
    }

    @Override
    public synchronized void tableStarted(String table, long totalRows) {
        tables.put(table, new TableLoad(totalRows, 0, clock.instant(), null, 0));
    }

    @Override
    public synchronized void rowsLoaded(String table, long rowsDone) {
        TableLoad before = tables.get(table);
        tables.put(table, before == null ? new TableLoad(0, rowsDone, clock.instant(), null, 0)
                : new TableLoad(before.totalRows(), rowsDone, before.started(), null, 0));
    }

    @Override
    public synchronized void tableFinished(TableResult result) {
        TableLoad before = tables.get(result.table());
        Duration took = before != null && before.started() != null ? Duration.between(before.started(), clock.instant())
                : Duration.ofNanos(Math.round(result.seconds() * 1e9));
        tables.put(result.table(), new TableLoad(result.sourceRows(), result.sourceRows(), null, took,
                result.rejected()));
    }
}
