package com.partpal.db.adapters.files;

import com.partpal.db.application.jobs.JobHistory;
import com.partpal.db.application.jobs.JobHistoryContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The file history, each check read back by a new store on the same directory (as after a server restart). */
class JsonFileJobHistoryContractTest extends JobHistoryContract {
    @TempDir
    Path dir;

    @Override
    protected JobHistory newHistory() {
        return new JsonFileJobHistory(dir);
    }

    @Override
    protected JobHistory reopen(JobHistory history) {
        return new JsonFileJobHistory(dir);
    }
}
