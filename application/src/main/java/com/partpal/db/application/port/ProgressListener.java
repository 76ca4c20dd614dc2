package com.partpal.db.application.port;

import com.partpal.db.domain.report.TableResult;

/** Live progress of a run; called from loader threads. Table progress is ignored unless a listener overrides it. */
public interface ProgressListener {
    void phase(String description);

    default void tableStarted(String table, long totalRows) {
    }

    default void rowsLoaded(String table, long rowsDone) {
    }

    default void tableFinished(TableResult result) {
    }

    ProgressListener NONE = description -> {
    };
}
