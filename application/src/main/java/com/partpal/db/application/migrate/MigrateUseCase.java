package com.partpal.db.application.migrate;

import com.partpal.db.application.port.DatabaseConnector;
import com.partpal.db.application.port.DuplicateKey;
import com.partpal.db.application.port.OnExisting;
import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.application.port.RejectsSink;
import com.partpal.db.application.port.RemovedRows;
import com.partpal.db.application.port.RunState;
import com.partpal.db.application.port.ResumableFailure;
import com.partpal.db.application.port.TableCheckpoint;
import com.partpal.db.application.port.TransientFailure;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.SourceRow;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.PlanBuilder;
import com.partpal.db.domain.plan.PlanNote;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.report.MigrationReport;
import com.partpal.db.domain.report.Outcome;
import com.partpal.db.domain.report.TableResult;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.TableCensus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * migrate: discover the source, plan the target, bulk-load every table (jobs at a time, at most the target's
 * connection limit) with each table's keys, orphan check and indexes following its load ({@link TablePipeline}),
 * reject rows that break a rule, rows whose key duplicates an earlier row's once converted, and rows whose foreign
 * keys find no parent, then build foreign keys and sequences.
 */
public final class MigrateUseCase {
    private final DatabaseConnector connector;
    private final Clock clock;

    public MigrateUseCase(DatabaseConnector connector, Clock clock) {
        this.connector = connector;
        this.clock = clock;
    }

    public MigrateResult migrate(MigrateRequest request, RejectsSink rejects, ProgressListener progress) {
        return migrate(request, rejects, progress, () -> Thread.currentThread().isInterrupted());
    }

    public MigrateResult migrate(MigrateRequest request, RejectsSink rejects, ProgressListener progress,
                                 BooleanSupplier cancelled) {
        return migrate(request, rejects, progress, cancelled, (source, result) -> result);
    }

    /**
     * Like the other migrate; {@code thenWithSource} runs once the run completed, with the source still open on the
     * snapshot it was copied from (verify compares against that same state), and gives the result returned.
     */
    public MigrateResult migrate(MigrateRequest request, RejectsSink rejects, ProgressListener progress,
                                 BooleanSupplier cancelled, BiFunction<SourceDatabase, MigrateResult, MigrateResult> thenWithSource) {
        Instant started = clock.instant();
        CompletableFuture<TargetDatabase> opening = CompletableFuture.supplyAsync(() -> connector.openTarget(request.to()));
        try (SourceDatabase source = openSource(request, opening);
             TargetDatabase target = connected(opening)) {
            Retry retry = new Retry(request.retries(), progress, cancelled);
            // before anything is read, so that schema, counts and rows all come from this one state of the source
            Instant snapshot = request.dryRun() ? null : source.pinSnapshot(request.jobs());
            progress.phase("reading the source schema");
            SourceSchema schema = source.readSchema();
            // a dry run shows the whole census's warnings (values that look like seconds...); it loads nothing
            Map<String, TableCensus> census = Census.take(source, schema, request.dryRun());
            MigrationPlan plan = PlanBuilder.build(schema, request.planOptions(), Census.facts(census));
            String ddl = target.renderDdl(plan);
            if (request.dryRun()) {
                source.requireIntact();
                return new MigrateResult(plan, ddl, null);
            }
            int jobs = jobs(request, target, progress);
            RunState run = retry.call("reading the target's run state",
                    () -> ResumableRun.begin(request, source, target, ddl, started, snapshot));
            boolean checkBesideLoad = !request.resume() && intoEmptyTarget(request, target, plan);
            if (!checkBesideLoad) {
                source.requireIntact(); // existing tables are dropped, truncated or resumed: only for an intact source
            }
            if (request.resume()) {
                progress.phase("resuming the run started " + run.startedAt() + " (source snapshot " + run.snapshotAt() + ")");
                retry.run("resuming the run state", () -> target.startRun(run));
                ResumableRun.rewriteRejects(plan, run, source, rejects);
            } else {
                if (request.onExisting() == OnExisting.DROP) {
                    List<String> replaced = retry.call("reading what the target holds", () -> target.replacedByDrop(plan));
                    if (!replaced.isEmpty()) {
                        progress.phase("--on-existing drop: dropping and creating again " + String.join(", ", replaced));
                    }
                }
                progress.phase("creating tables");
                retry.run("creating tables", () -> target.createTables(plan, request.onExisting()));
                retry.run("creating the run state", () -> target.startRun(run));
            }
            MigrationReport report;
            try {
                progress.phase("loading tables"); // each table's keys, orphan check and indexes follow its own load
                Map<String, Long> sourceRows = new LinkedHashMap<>();
                plan.tables().forEach(t -> sourceRows.put(t.name(), census.containsKey(t.source().name())
                        ? census.get(t.source().name()).rows() : source.countRows(t.source())));
                TablePipeline pipeline = new TablePipeline(plan, target, jobs, cancelled).retrying(request.retries(), progress);
                TableCopier copier = new TableCopier(source, target, rejects, progress, pipeline.stopped(), request.batchSize(),
                        request.checkpointRows());
                // the largest tables first: their loads and index builds are the longest chains
                List<TargetTable> loadOrder = plan.tables().stream()
                        .sorted(Comparator.comparing((TargetTable t) -> sourceRows.get(t.name())).reversed()).toList();
                TablePipeline.Outcome outcome;
                try {
                    outcome = pipeline.run(loadOrder, table -> copyTable(copier, table, sourceRows.get(table.name()), progress));
                    source.requireIntact();
                } catch (RuntimeException e) {
                    RuntimeException failure = checkBesideLoad ? refusalIfCorrupt(source, e) : e;
                    if (failure == e && (e instanceof MigrationCancelledException || ResumableFailure.isResumable(e))) {
                        reportCommitted(target, plan, sourceRows, e, progress);
                    }
                    throw failure;
                }
                stopIfCancelled(cancelled);
                Map<String, TableResult> results = new LinkedHashMap<>(outcome.results());
                RemovedRows recorded = retry.call("reading the rows removed", () -> target.removedRows(plan));
                Map<String, Map<Long, String>> removed = new LinkedHashMap<>();
                concat(recorded.duplicates(), outcome.duplicates()).forEach(d -> removed.computeIfAbsent(d.table(),
                        t -> new LinkedHashMap<>()).putIfAbsent(d.rowid(), duplicateReason(d)));
                concat(recorded.orphans(), outcome.orphans()).forEach(o -> removed.computeIfAbsent(o.table(),
                        t -> new LinkedHashMap<>()).putIfAbsent(o.rowid(), orphanReason(o.foreignKey())));
                rejectRemoved(plan, source, removed, rejects, results);
                stopIfCancelled(cancelled);
                progress.phase("building foreign keys and sequences");
                retry.run("building foreign keys and sequences", () -> target.finish(plan, jobs));
                List<PlanNote> notes = new ArrayList<>(plan.notes());
                notes.addAll(target.createTriedObjects(plan));
                rejects.flush(); // the state that could rebuild the rejects goes next
                retry.run("removing the run state", target::dropRunState);
                List<TableResult> tables = plan.tables().stream().map(t -> results.get(t.name())).toList();
                long rejected = tables.stream().mapToLong(TableResult::rejected).sum();
                report = new MigrationReport(source.describe(), target.describe(), started.toString(),
                        seconds(started), tables, plan.skipped(), rejects.location(),
                        rejected == 0 ? Outcome.COPIED_ALL : Outcome.COMPLETED_WITH_REJECTS, null, run.snapshotAt(),
                        request.resume() ? run.startedAt() : null, plan.choices(), notes);
            } catch (MigrationCancelledException e) {
                throw e;
            } catch (RuntimeException e) {
                throw FailedRun.cleanUp(target, plan, e, request.resume());
            }
            return thenWithSource.apply(source, new MigrateResult(plan, ddl, report));
        }
    }

    /**
     * Before a stopped or resumably failed run ends: how many rows of each table the target keeps committed. Not
     * asked when the target may be unreachable (a transient failure that outlasted its retries).
     */
    private static void reportCommitted(TargetDatabase target, MigrationPlan plan, Map<String, Long> sourceRows,
                                        RuntimeException failure, ProgressListener progress) {
        if (TransientFailure.isTransient(failure)) {
            progress.phase("the target keeps every batch committed before the failure");
            return;
        }
        try {
            Map<String, TableCheckpoint> committed = target.runState().map(RunState::tables).orElse(Map.of());
            long rows = 0;
            List<String> tables = new ArrayList<>();
            for (TargetTable table : plan.tables()) {
                TableCheckpoint checkpoint = committed.get(table.name());
                long read = checkpoint == null ? 0 : checkpoint.read();
                rows += read;
                tables.add(table.name() + " " + read + "/" + sourceRows.get(table.name())
                        + (checkpoint != null && checkpoint.loaded() ? " (loaded)" : ""));
            }
            progress.phase("committed before stopping: " + rows + " of "
                    + sourceRows.values().stream().mapToLong(Long::longValue).sum() + " source rows; " + String.join(", ", tables));
        } catch (RuntimeException e) {
            progress.phase("the target keeps every batch committed before the stop");
        }
    }

    private static void stopIfCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new MigrationCancelledException("the last steps");
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * Opens the source while the target connects (checking a large SQLite file takes a while); a source that
     * cannot be opened is the error reported, and the target is closed once it is connected.
     */
    private SourceDatabase openSource(MigrateRequest request, CompletableFuture<TargetDatabase> opening) {
        try {
            return connector.openSource(request.from());
        } catch (RuntimeException e) {
            opening.thenAccept(TargetDatabase::close);
            throw e;
        }
    }

    /** The connected target; its failure as thrown by the connector (try-with-resources then closes the source). */
    private static TargetDatabase connected(CompletableFuture<TargetDatabase> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /**
     * Whether the source's integrity check may still run while the tables are created and loaded: only when the
     * target holds none of the plan's tables, so that a refused source leaves it as it was once they are dropped
     * (loads commit only after the check passed, see {@link TableCopier}).
     */
    private static boolean intoEmptyTarget(MigrateRequest request, TargetDatabase target, MigrationPlan plan) {
        return request.onExisting() == OnExisting.FAIL
                && target.existingTables(plan.tables().stream().map(TargetTable::name).toList()).isEmpty();
    }

    /**
     * The source's refusal when the source turned out corrupt (a load may have failed on the damage), else failure;
     * the refusal is not resumable, so {@link FailedRun} takes away what this run created.
     */
    private static RuntimeException refusalIfCorrupt(SourceDatabase source, RuntimeException failure) {
        try {
            source.requireIntact();
            return failure;
        } catch (RuntimeException refusal) {
            return refusal;
        }
    }

    /** --jobs, lowered to what the target's connection pool allows (each loader holds a connection). */
    private static int jobs(MigrateRequest request, TargetDatabase target, ProgressListener progress) {
        int allowed = Math.max(1, target.maxConnections());
        if (request.jobs() <= allowed) {
            return request.jobs();
        }
        progress.phase("--jobs " + request.jobs() + " lowered to " + allowed + ", the target's connection_limit");
        return allowed;
    }

    private TableResult copyTable(TableCopier copier, TargetTable table, long sourceRows, ProgressListener progress) {
        Instant tableStart = clock.instant();
        progress.tableStarted(table.name(), sourceRows);
        long[] counts = copier.copy(table);
        TableResult result = new TableResult(table.name(), counts[0], counts[1], counts[2], seconds(tableStart));
        progress.tableFinished(result);
        return result;
    }

    /** Rejects rows the target removed (duplicate keys, orphans), each once with its first reason, read in full from the source. */
    private void rejectRemoved(MigrationPlan plan, SourceDatabase source, Map<String, Map<Long, String>> removed,
                               RejectsSink rejects, Map<String, TableResult> results) {
        for (Map.Entry<String, Map<Long, String>> entry : removed.entrySet()) {
            TargetTable table = plan.table(entry.getKey()).orElseThrow();
            Map<Long, String> reasonByRowid = entry.getValue();
            for (SourceRow row : source.readRowsByRowid(table.source(), new ArrayList<>(reasonByRowid.keySet()))) {
                rejects.write(RejectFactory.of(table.source(), row.rowid(), row.values(), null,
                        reasonByRowid.get(row.rowid())));
            }
            TableResult before = results.get(table.name());
            int n = reasonByRowid.size();
            results.put(table.name(), new TableResult(before.table(), before.sourceRows(), before.copied() - n,
                    before.rejected() + n, before.seconds()));
        }
    }

    static String duplicateReason(DuplicateKey d) {
        if (d.isNullKey()) {
            return "NULL in primary key (" + String.join(", ", d.columns()) + "): SQLite allows it, PostgreSQL does not";
        }
        return "duplicate key (" + String.join(", ", d.columns()) + ")=(" + d.value() + ") also in rowid " + d.keptRowid();
    }

    static String orphanReason(ForeignKey fk) {
        return "orphan: foreign key " + fk.name() + " (" + String.join(", ", fk.columns()) + ") finds no row in "
                + fk.parentTable() + " (" + String.join(", ", fk.parentColumns()) + ")";
    }

    private double seconds(Instant since) {
        return (clock.millis() - since.toEpochMilli()) / 1000.0;
    }
}
