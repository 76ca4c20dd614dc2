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
    private final Map<String, String> options;
    private final Clock clock;
    private final JobHistory history;
    private final String submittedAt;
    private final Map<String, TableLoad> tables = new LinkedHashMap<>();
    private volatile boolean cancelRequested;
    private JobState state = JobState.QUEUED;
    private String phase;
    private String error;
    private String reportJson;
    private String startedAt;
    private String finishedAt;

    /** A table being loaded: its figures are measured against the clock when a snapshot is taken. */
    private record TableLoad(long totalRows, long rowsDone, Instant started, Duration took) {
    }

    Job(String id, String kind, String target, Map<String, String> options, Clock clock, JobHistory history) {
        this.id = id;
        this.kind = kind;
        this.target = target;
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
                finished ? load.took() : Duration.between(load.started(), now));
    }

    @Override
    public synchronized void phase(String description) {
        phase = description;
        history.save(snapshot());
    }

    @Override
    public synchronized void tableStarted(String table, long totalRows) {
        tables.put(table, new TableLoad(totalRows, 0, clock.instant(), null));
    }

    @Override
    public synchronized void rowsLoaded(String table, long rowsDone) {
        TableLoad before = tables.get(table);
        tables.put(table, before == null ? new TableLoad(0, rowsDone, clock.instant(), null)
                : new TableLoad(before.totalRows(), rowsDone, before.started(), null));
    }

    @Override
    public synchronized void tableFinished(TableResult result) {
        TableLoad before = tables.get(result.table());
        Duration took = before != null && before.started() != null ? Duration.between(before.started(), clock.instant())
                : Duration.ofNanos(Math.round(result.seconds() * 1e9));
        tables.put(result.table(), new TableLoad(result.sourceRows(), result.sourceRows(), null, took));
    }
}
