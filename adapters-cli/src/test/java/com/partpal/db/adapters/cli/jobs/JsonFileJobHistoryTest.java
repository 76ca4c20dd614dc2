package com.partpal.db.adapters.cli.jobs;

import com.partpal.db.application.jobs.JobSnapshot;
import com.partpal.db.application.jobs.JobState;
import com.partpal.db.application.jobs.TableProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonFileJobHistoryTest {
    @TempDir
    Path dir;

    private static JobSnapshot job(String id, JobState state, String report) {
        return new JobSnapshot(id, "migration", "localhost:5432/partpal",
                Map.of("to", "postgresql://u:****@localhost/partpal", "jobs", "2"), state, "loading tables",
                List.of(new TableProgress("parts", 100, 40, false, 20.5, 3L),
                        new TableProgress("labels", 5, 5, true, null, 0L)),
                null, report, "2026-03-01T10:00:00Z", null, "2026-03-01T10:00:01Z");
    }

    @Test
    void aSavedJobIsReadBackWholeByANewStoreOnTheSameDirectory() {
        JobSnapshot running = job("5f0c-1", JobState.RUNNING, null);
        JobSnapshot done = job("77aa-2", JobState.SUCCEEDED, "{\"outcome\":\"COPIED_ALL\",\"tables\":[]}");
        new JsonFileJobHistory(dir).save(running);
        new JsonFileJobHistory(dir).save(done);
        List<JobSnapshot> loaded = new JsonFileJobHistory(dir).load().stream()
                .sorted(Comparator.comparing(JobSnapshot::id)).toList();
        assertEquals(List.of(running, done), loaded);
    }

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
