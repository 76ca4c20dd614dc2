package com.partpal.db.application.jobs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job as it is now. Options and error are masked (no password); reportJson is the CLI's --report JSON, null until
 * the job succeeded. Times are UTC instants (ISO-8601); startedAt and finishedAt are null until then.
 */
public record JobSnapshot(String id, String kind, String target, Map<String, String> options, JobState state,
                          String phase, List<TableProgress> tables, String error, String reportJson,
                          String submittedAt, String finishedAt, String startedAt) {
    public JobSnapshot {
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** This job as the next server start finds it when the server stopped while it was queued or running. */
    JobSnapshot interrupted(String at) {
        return new JobSnapshot(id, kind, target, options, JobState.INTERRUPTED, phase, tables,
                interruptedError(state, phase), reportJson, submittedAt, at, startedAt);
    }

    static String interruptedError(JobState state, String phase) {
        String when = state == JobState.QUEUED ? "while it was queued" : "while it ran";
        return "the server stopped " + when + (phase == null ? "" : " (" + phase + ")")
                + "; it was not restarted: start it again";
    }
}
