package com.partpal.db.application.jobs;

import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.domain.report.TableResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** One job's mutable state, updated from loader threads; read through {@link #snapshot()}. */
final class Job implements ProgressListener {
    private final String id;
    private final String kind;
    private final String target;
    private final Map<String, String> options;
    private final String submittedAt;
    private final Map<String, TableProgress> tables = new LinkedHashMap<>();
    private volatile boolean cancelRequested;
    private JobState state = JobState.QUEUED;
    private String phase;
    private String error;
    private String reportJson;
    private String finishedAt;

    Job(String id, String kind, String target, Map<String, String> options, String submittedAt) {
        this.id = id;
        this.kind = kind;
        this.target = target;
        this.options = Map.copyOf(options);
        this.submittedAt = submittedAt;
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

    synchronized void requestCancel() {
        if (!state.finished()) {
            cancelRequested = true;
        }
    }

    synchronized void started() {
        state = JobState.RUNNING;
    }

    synchronized void finish(JobState finalState, String reportJson, String error, String at) {
        this.state = finalState;
        this.reportJson = reportJson;
        this.error = error;
        this.finishedAt = at;
    }

    synchronized JobSnapshot snapshot() {
        return new JobSnapshot(id, kind, target, options, state, phase, new ArrayList<>(tables.values()), error,
                reportJson, submittedAt, finishedAt);
    }

    @Override
    public synchronized void phase(String description) {
        phase = description;
    }

    @Override
    public synchronized void tableStarted(String table, long totalRows) {
        tables.put(table, new TableProgress(table, totalRows, 0, false));
    }

    @Override
    public synchronized void rowsLoaded(String table, long rowsDone) {
        TableProgress before = tables.get(table);
        long total = before == null ? 0 : before.totalRows();
        tables.put(table, new TableProgress(table, total, rowsDone, false));
    }

    @Override
    public synchronized void tableFinished(TableResult result) {
        tables.put(result.table(), new TableProgress(result.table(), result.sourceRows(), result.sourceRows(), true));
    }
}
