package com.partpal.db.application.jobs;

/** The in-memory history the job tests use keeps the same contract as the file history serve uses. */
class MemoryHistoryContractTest extends JobHistoryContract {
    @Override
    protected JobHistory newHistory() {
        return new MemoryHistory();
    }
}
