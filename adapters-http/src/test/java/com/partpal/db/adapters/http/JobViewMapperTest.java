package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.JobSnapshot;
import com.partpal.db.application.jobs.JobState;
import com.partpal.db.application.jobs.TableProgress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JobViewMapperTest {
    private final JobViewMapper mapper = new JobViewMapperImpl();

    @Test
    void aRunningJobShowsItsUrlLowerCaseStateAndRowTotals() {
        List<TableProgress> tables = List.of(new TableProgress("users", 100, 100, true, 50.0, 0L),
                new TableProgress("parts", 300, 120, false, 60.0, 3L));
        JobSnapshot job = new JobSnapshot("j-1", "migration", "db 127.0.0.1:5432/shop", Map.of("jobs", "2"),
                JobState.RUNNING, "loading tables", tables, null, null, "2024-06-01T02:00:00Z", null,
                "2024-06-01T02:00:01Z");
        JobView view = mapper.toView(job);
        assertEquals("j-1", view.id());
        assertEquals("/api/jobs/j-1", view.url());
        assertEquals("migration", view.kind());
        assertEquals("db 127.0.0.1:5432/shop", view.target());
        assertEquals(Map.of("jobs", "2"), view.options());
        assertEquals("running", view.state());
        assertEquals("loading tables", view.phase());
        assertEquals(220, view.rowsDone());
        assertEquals(400, view.totalRows());
        assertEquals(tables, view.tables());
        assertNull(view.report());
        assertEquals("2024-06-01T02:00:00Z", view.submittedAt());
        assertEquals("2024-06-01T02:00:01Z", view.startedAt());
        assertNull(view.finishedAt());
    }

    @Test
    void aFinishedJobCarriesItsReportAndInterruptedReadsAsSuch() {
        JobSnapshot done = new JobSnapshot("j-2", "backup", "catalogue /b", Map.of(), JobState.SUCCEEDED, null,
                List.of(), null, "{\"ok\":true}", "t0", "t2", "t1");
        assertEquals("{\"ok\":true}", mapper.toView(done).report());
        assertEquals("succeeded", mapper.toView(done).state());
        JobSnapshot interrupted = new JobSnapshot("j-3", "restore", "x", Map.of(), JobState.INTERRUPTED, null,
                List.of(), "the server stopped", null, "t0", "t2", "t1");
        assertEquals("interrupted", mapper.toView(interrupted).state());
        assertEquals(List.of("j-2", "j-3"), mapper.toViews(List.of(done, interrupted)).stream().map(JobView::id).toList());
    }
}
