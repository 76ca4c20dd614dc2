package com.partpal.db.application.port;

import com.partpal.db.domain.report.TableResult;

/** Live progress of a run; called from loader threads. */
public interface ProgressListener {
    void phase(String description);

    void tableStarted(String table, long totalRows);

    void rowsLoaded(String table, long rowsDone);

    void tableFinished(TableResult result);

    ProgressListener NONE = phasesOnly(description -> {
    });

    /** A listener that hands the phases to {@code phases} and ignores table progress. */
    static ProgressListener phasesOnly(java.util.function.Consumer<String> phases) {
        return new ProgressListener() {
            @Override
            public void phase(String description) {
                phases.accept(description);
            }

            @Override
            public void tableStarted(String table, long totalRows) {
            }

            @Override
            public void rowsLoaded(String table, long rowsDone) {
            }

            @Override
            public void tableFinished(TableResult result) {
            }
        };
    }
}
