package com.partpal.db.application.migrate;

import com.partpal.db.application.fakes.FakeSource;
import com.partpal.db.domain.types.TargetType;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.application.fakes.FakeTarget;
import com.partpal.db.application.fakes.ListRejects;
import com.partpal.db.application.port.DatabaseConnector;
import com.partpal.db.application.port.OnExisting;
import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.application.port.ResumableFailure;
import com.partpal.db.application.port.TransientFailure;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.domain.plan.PlanOptions;
import com.partpal.db.domain.report.MigrationReport;
import com.partpal.db.domain.report.Outcome;
import com.partpal.db.domain.report.Reject;
import com.partpal.db.domain.report.TableResult;
import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migrate use case on in-memory fakes: the orchestration, rejects and counts, without any database. */
class MigrateUseCaseTest {
    private static final Table USERS = new Table("users",
            List.of(new Column("id", "TEXT", true, null, 1), new Column("active", "BOOLEAN", true, "false", 0),
                    new Column("createdAt", "DATETIME", true, "CURRENT_TIMESTAMP", 0)),
            List.of("id"), "users_pkey", null, false, null, List.of(), List.of(), "");
    private static final Table POSTS = new Table("posts",
            List.of(new Column("id", "INTEGER", true, null, 1), new Column("userId", "TEXT", false, null, 0),
                    new Column("meta", "JSON", false, null, 0)),
            List.of("id"), "posts_pkey", "id", false, null,
            List.of(new Index("posts_userId_idx", false, List.of("userId"), null, false)),
            List.of(new ForeignKey("posts_userId_fkey", List.of("userId"), "users", List.of("id"), "CASCADE", "CASCADE")), "");
    private static final Table COMMENTS = new Table("comments",
            List.of(new Column("body", "TEXT", false, null, 0), new Column("postId", "INTEGER", false, null, 0)),
            List.of(), null, null, false, null, List.of(),
            List.of(new ForeignKey("comments_postId_fkey", List.of("postId"), "posts", List.of("id"), "SET NULL", "CASCADE")), "");
    private static final SourceSchema SCHEMA = new SourceSchema(List.of(COMMENTS, POSTS, USERS), List.of());

    private final FakeTarget target = new FakeTarget();
    private final ListRejects rejects = new ListRejects();

    private MigrateResult run(FakeSource source, boolean dryRun) {
        return run(source, dryRun, 2, ProgressListener.NONE);
    }

    private MigrateResult run(FakeSource source, boolean dryRun, int jobs, ProgressListener progress) {
        return run(source, new MigrateRequest("src", "dst", new PlanOptions(Set.of(), List.of(), List.of()), jobs, 2,
                OnExisting.FAIL, dryRun, false), progress);
    }

    private MigrateResult run(FakeSource source, MigrateRequest request, ProgressListener progress) {
        DatabaseConnector connector = new DatabaseConnector() {
            @Override
            public SourceDatabase openSource(String location) {
                return source;
            }

            @Override
            public TargetDatabase openTarget(String location) {
                return target;
            }
        };
        return new MigrateUseCase(connector, Clock.systemUTC()).migrate(request, rejects, progress);
    }

    private static FakeSource cleanSource() {
        return new FakeSource(SCHEMA)
                .rows("users", new Object[] {"u1", 1L, 1700000000000L}, new Object[] {"u2", 0L, "2024-01-02 03:04:05"})
                .rows("posts", new Object[] {1L, "u1", "{\"a\": 1}"}, new Object[] {2L, null, null})
                .rows("comments", new Object[] {"hi", 1L}, new Object[] {"free", null});
    }

    @Test
    void copiesEveryRowConvertedAndLoadsParentsFirst() {
        MigrateResult result = run(cleanSource(), false);
        MigrationReport report = result.report();
        assertEquals(Outcome.COPIED_ALL, report.outcome());
        assertEquals(List.of("users", "posts", "comments"), result.plan().tables().stream().map(t -> t.name()).toList());
        assertEquals(6, report.copiedRows());
        Object[] u1 = target.tables.get("users").get(1L);
        assertEquals(Boolean.TRUE, u1[1]);
        assertEquals(LocalDateTime.of(2023, 11, 14, 22, 13, 20), u1[2]);
        List<String> steps = target.steps;
        assertEquals(12, steps.size(), steps.toString());
        assertEquals("create", steps.get(0));
        assertEquals("finish", steps.get(steps.size() - 1));
        for (String table : List.of("users", "posts", "comments")) {
            assertTrue(steps.indexOf("keys " + table) < steps.indexOf("analyze " + table), steps.toString());
            assertTrue(steps.indexOf("keys " + table) < steps.indexOf("orphans [" + table + "]"), steps.toString());
        }
        assertTrue(steps.indexOf("orphans [posts]") < steps.indexOf("index posts_userId_idx"), steps.toString());
        // a child's orphans are checked once its parents' own orphans are removed (so removals cascade)
        assertTrue(steps.indexOf("orphans [users]") < steps.indexOf("orphans [posts]"), steps.toString());
        assertTrue(steps.indexOf("orphans [posts]") < steps.indexOf("orphans [comments]"), steps.toString());
        assertTrue(rejects.rejects.isEmpty());
    }

    @Test
    void aTransientFailureInALoadIsRetriedFromTheLastCommittedBatchWithoutLoadingARowTwice() {
        target.failOnceAt.put("posts", 2L);
        target.failureOnce = new TransientTestFailure("connection reset");
        List<String> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
        MigrationReport report = run(cleanSource(), checkpointEveryRow(), (ProgressListener) phases::add).report();
        assertEquals(Outcome.COPIED_ALL, report.outcome());
        assertEquals(2, target.tables.get("posts").size());
        assertEquals(2L, target.added.get("posts"), "row 1 was committed before the failure and not loaded again");
        assertTrue(phases.stream().anyMatch(p -> p.startsWith("retry 1 of 8 for loading posts in ")
                && p.endsWith(": connection reset")), phases.toString());
    }

    @Test
    void aFailureALaterRunCanGetPastEndsTheRunAsResumable() {
        target.failOnceAt.put("posts", 2L);
        target.failureOnce = new ResumableTestFailure("the target's disk is full");
        ResumableRunException e = assertThrows(ResumableRunException.class,
                () -> run(cleanSource(), checkpointEveryRow(), ProgressListener.NONE));
        assertEquals("the target's disk is full", e.getMessage());
        assertEquals(1, target.checkpoints.get("posts").read(), "the batch before the failure stays committed");
    }

    private static MigrateRequest checkpointEveryRow() {
        return new MigrateRequest("src", "dst", new PlanOptions(Set.of(), List.of(), List.of()), 2, 2, OnExisting.FAIL,
                false, false, false, 8, 1);
    }

    private static final class TransientTestFailure extends RuntimeException implements TransientFailure {
        TransientTestFailure(String message) {
            super(message);
        }
    }

    private static final class ResumableTestFailure extends RuntimeException implements ResumableFailure {
        ResumableTestFailure(String message) {
            super(message);
        }
    }

    @Test
    void anIntegerColumnHoldingAValueBeyond32BitsBecomesBigintAndTheOthersStayInteger() {
        FakeSource source = cleanSource().rows("comments", new Object[] {"wide", 3_000_000_000L});
        MigrateResult result = run(source, true);
        TargetTable comments = result.plan().table("comments").orElseThrow();
        assertEquals(TargetType.BIGINT, comments.columns().get(1).type().kind());
        assertEquals(TargetType.TEXT, comments.columns().get(0).type().kind());
        assertEquals(TargetType.INTEGER, result.plan().table("posts").orElseThrow().columns().get(0).type().kind());
    }

    @Test
    void rejectsABadCellWithItsRawRowAndCopiesTheRest() {
        FakeSource source = cleanSource().rows("users", new Object[] {"u3", 2L, 1700000000000L});
        MigrationReport report = run(source, false).report();
        assertEquals(Outcome.COMPLETED_WITH_REJECTS, report.outcome());
        TableResult users = report.tables().stream().filter(t -> t.table().equals("users")).findFirst().orElseThrow();
        assertEquals(3, users.sourceRows());
        assertEquals(2, users.copied());
        assertEquals(1, users.rejected());
        Reject reject = rejects.rejects.get(0);
        assertEquals("users", reject.table());
        assertEquals(Map.of("id", "u3"), reject.key());
        assertEquals("active", reject.column());
        assertEquals(2L, reject.row().get("active"));
    }

    @Test
    void orphansCascadeToTheirChildrenAndEachTableStillAddsUp() {
        FakeSource source = cleanSource()
                .rows("posts", new Object[] {3L, "ghost", null})
                .rows("comments", new Object[] {"on orphan", 3L});
        MigrationReport report = run(source, false).report();
        assertEquals(Outcome.COMPLETED_WITH_REJECTS, report.outcome());
        for (TableResult t : report.tables()) {
            assertEquals(t.sourceRows(), t.copied() + t.rejected(), t.table());
        }
        assertEquals(2, rejects.rejects.size());
        Reject comment = rejects.rejects.stream().filter(r -> r.table().equals("comments")).findFirst().orElseThrow();
        assertEquals(Map.of("rowid", 3L), comment.key());
        assertNull(comment.column());
        assertTrue(comment.reason().startsWith("orphan: foreign key comments_postId_fkey"), comment.reason());
        assertEquals("on orphan", comment.row().get("body"));
        assertEquals(2, target.tables.get("comments").size());
    }

    @Test
    void jobsAreLoweredToTheTargetsConnectionLimitWithANotice() {
        target.maxConnections = 1;
        List<String> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProgressListener progress = (ProgressListener) phases::add;
        MigrationReport report = run(cleanSource(), false, 5, progress).report();
        assertEquals(Outcome.COPIED_ALL, report.outcome());
        assertEquals(1, target.peakLoaders);
        assertEquals(1, target.finishJobs);
        assertEquals(1, phases.stream().filter(p -> p.equals("--jobs 5 lowered to 1, the target's connection_limit")).count(),
                phases.toString());
    }

    @Test
    void jobsWithinTheConnectionLimitAreKept() {
        target.maxConnections = 3;
        run(cleanSource(), false, 3, ProgressListener.NONE);
        assertEquals(3, target.finishJobs);
    }

    @Test
    void aDryRunPlansWithoutWriting() {
        MigrateResult result = run(cleanSource(), true);
        assertTrue(result.dryRun());
        assertTrue(target.steps.isEmpty());
        assertTrue(result.ddl().contains("3 tables"));
    }

    @Test
    void aFailedLoadFailsTheRunAndTakesAwayWhatItCreatedSayingSo() {
        target.failLoadOf = "posts";
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> run(cleanSource(), false));
        assertEquals("COPY failed for posts; the target is as before this run: dropped the 3 tables this run created;"
                + " fix the cause and run the same command again", e.getMessage());
        assertTrue(!target.steps.contains("finish"));
        assertTrue(target.steps.contains("drop"), target.steps.toString());
        assertTrue(target.tables.isEmpty(), target.tables.keySet().toString());
    }

    @Test
    void aSourceRefusedWhileLoadingIntoAnEmptyTargetCommitsNoRowAndTakesItsTablesAway() {
        FakeSource source = cleanSource();
        source.refusal = new BadInputException("corrupt SQLite database: src (page 3)");
        BadInputException e = assertThrows(BadInputException.class, () -> run(source, false));
        assertEquals("corrupt SQLite database: src (page 3); the target is as before this run: dropped the 3 tables"
                + " this run created; fix the cause and run the same command again", e.getMessage());
        assertEquals(List.of("create", "drop"), target.steps.stream().filter(s -> s.equals("create") || s.equals("drop")).toList());
        assertTrue(target.tables.isEmpty(), target.tables.keySet().toString());
    }

    @Test
    void aCancelledRunKeepsItsResumableStateAndRemovesNothing() {
        DatabaseConnector connector = new DatabaseConnector() {
            @Override
            public SourceDatabase openSource(String location) {
                return cleanSource();
            }

            @Override
            public TargetDatabase openTarget(String location) {
                return target;
            }
        };
        MigrateRequest request = new MigrateRequest("src", "dst", PlanOptions.all(), 1, 2, OnExisting.FAIL, false, false);
        assertThrows(MigrationCancelledException.class, () -> new MigrateUseCase(connector, Clock.systemUTC())
                .migrate(request, rejects, ProgressListener.NONE, () -> true));
        assertTrue(!target.steps.contains("drop"), target.steps.toString());
        assertTrue(!target.tables.isEmpty(), "the loaded tables stay for --resume");
    }

    @Test
    void aSourceIsCheckedBeforeATargetHoldingItsTablesIsTouched() {
        target.tables.put("users", new java.util.LinkedHashMap<>());
        FakeSource source = cleanSource();
        source.refusal = new BadInputException("corrupt SQLite database: src (page 3)");
        assertThrows(BadInputException.class, () -> run(source, false));
        assertTrue(target.steps.isEmpty(), target.steps.toString());
        assertTrue(target.tables.containsKey("users"));
    }
}
