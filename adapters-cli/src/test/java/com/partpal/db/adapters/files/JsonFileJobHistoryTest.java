package com.partpal.db.adapters.files;

import com.partpal.db.application.jobs.JobSnapshot;
import com.partpal.db.application.jobs.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.partpal.db.application.jobs.JobHistoryContract.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the file history does beyond the contract (JsonFileJobHistoryContractTest): files, and bad records and ids. */
class JsonFileJobHistoryTest {
    @TempDir
    Path dir;

    @Test
    void aSaveReplacesTheJobsOneFileAndLeavesNoTemporaryFile() throws Exception {
        JsonFileJobHistory history = new JsonFileJobHistory(dir.resolve("nested/jobs"));
        history.save(job("5f0c-1", JobState.RUNNING, null));
        history.save(job("5f0c-1", JobState.FAILED, null));
        try (Stream<Path> files = Files.list(history.dir())) {
            assertEquals(List.of("5f0c-1.json"), files.map(f -> f.getFileName().toString()).toList());
        }
        String text = Files.readString(history.dir().resolve("5f0c-1.json"), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"state\":\"FAILED\""), text);
        assertEquals(JobState.FAILED, history.load().get(0).state());
    }

    @Test
    void anUnreadableRecordIsSkippedAndABadIdRefused() throws Exception {
        JsonFileJobHistory history = new JsonFileJobHistory(dir);
        history.save(job("5f0c-1", JobState.SUCCEEDED, "{}"));
        Files.writeString(dir.resolve("broken.json"), "{\"id\": ");
        assertEquals(List.of("5f0c-1"), history.load().stream().map(JobSnapshot::id).toList());
        assertThrows(IllegalArgumentException.class, () -> history.save(job("../escape", JobState.QUEUED, null)));
    }
}
