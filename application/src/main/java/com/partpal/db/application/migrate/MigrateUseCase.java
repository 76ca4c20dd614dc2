package com.partpal.db.application.migrate;

import com.partpal.db.application.port.DatabaseConnector;
import com.partpal.db.application.port.Orphan;
import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.application.port.RejectsSink;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.SourceRow;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.PlanBuilder;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.report.MigrationReport;
import com.partpal.db.domain.report.Outcome;
import com.partpal.db.domain.report.TableResult;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.SourceSchema;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * migrate: discover the source, plan the target, bulk-load every table (jobs at a time), reject rows that break a
 * rule and rows whose foreign keys find no parent, then build indexes, foreign keys and sequences.
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
        Instant started = clock.instant();
        try (SourceDatabase source = connector.openSource(request.from());
             TargetDatabase target = connector.openTarget(request.to())) {
            progress.phase("reading the source schema");
            MigrationPlan plan = plan(source, request);
            String ddl = target.renderDdl(plan);
            if (request.dryRun()) {
                return new MigrateResult(plan, ddl, null);
            }
            progress.phase("creating tables");
            target.createTables(plan, request.onExisting());
            progress.phase("loading tables");
            Map<String, TableResult> results = load(plan, source, target, rejects, progress, request, cancelled);
            progress.phase("building primary keys and unique indexes");
            target.buildKeys(plan, request.jobs());
            progress.phase("checking foreign keys");
            rejectOrphans(plan, source, target.removeOrphans(plan), rejects, results);
            progress.phase("building indexes, foreign keys and sequences");
            target.finish(plan, request.jobs());
            List<TableResult> tables = plan.tables().stream().map(t -> results.get(t.name())).toList();
            long rejected = tables.stream().mapToLong(TableResult::rejected).sum();
            MigrationReport report = new MigrationReport(source.describe(), target.describe(), started.toString(),
                    seconds(started), tables, plan.skipped(), rejects.location(),
                    rejected == 0 ? Outcome.COPIED_ALL : Outcome.COMPLETED_WITH_REJECTS, null);
            return new MigrateResult(plan, ddl, report);
        }
    }

    private static MigrationPlan plan(SourceDatabase source, MigrateRequest request) {
        SourceSchema schema = source.readSchema();
        return PlanBuilder.build(schema, request.planOptions(), Census.outside32Bit(Census.take(source, schema, false)));
    }

    private Map<String, TableResult> load(MigrationPlan plan, SourceDatabase source, TargetDatabase target,
                                          RejectsSink rejects, ProgressListener progress, MigrateRequest request,
                                          BooleanSupplier cancelled) {
        int jobs = request.jobs();
        int batchSize = request.batchSize();
        AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
        BooleanSupplier stop = () -> firstFailure.get() != null || cancelled.getAsBoolean();
        TableCopier copier = new TableCopier(source, target, rejects, progress, stop, batchSize);
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "partpal-load");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<TableResult>> futures = new LinkedHashMap<>();
            for (TargetTable table : plan.tables()) {
                futures.put(table.name(), pool.submit(() -> {
                    if (stop.getAsBoolean()) {
                        throw new MigrationCancelledException(table.name());
                    }
                    try {
                        return copyTable(copier, source, table, progress);
                    } catch (MigrationCancelledException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        firstFailure.compareAndSet(null, e);
                        throw e;
                    }
                }));
            }
            Map<String, TableResult> results = new LinkedHashMap<>();
            RuntimeException problem = null;
            for (Map.Entry<String, Future<TableResult>> f : futures.entrySet()) {
                try {
                    results.put(f.getKey(), await(f.getValue()));
                } catch (RuntimeException e) {
                    problem = problem == null ? e : problem;
                }
            }
            // the table that failed first is the cause; the others were only stopped because of it
            if (firstFailure.get() != null) {
                throw firstFailure.get();
            }
            if (problem != null) {
                throw problem;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private TableResult copyTable(TableCopier copier, SourceDatabase source, TargetTable table,
                                  ProgressListener progress) {
        Instant tableStart = clock.instant();
        progress.tableStarted(table.name(), source.countRows(table.source()));
        long[] counts = copier.copy(table);
        TableResult result = new TableResult(table.name(), counts[0], counts[1], counts[2], seconds(tableStart));
        progress.tableFinished(result);
        return result;
    }

    private static TableResult await(Future<TableResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationCancelledException("the load");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void rejectOrphans(MigrationPlan plan, SourceDatabase source, List<Orphan> orphans, RejectsSink rejects,
                               Map<String, TableResult> results) {
        Map<String, List<Orphan>> byTable = orphans.stream()
                .collect(Collectors.groupingBy(Orphan::table, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Orphan>> entry : byTable.entrySet()) {
            TargetTable table = plan.table(entry.getKey()).orElseThrow();
            Map<Long, ForeignKey> keyByRowid = new LinkedHashMap<>();
            entry.getValue().forEach(o -> keyByRowid.putIfAbsent(o.rowid(), o.foreignKey()));
            for (SourceRow row : source.readRowsByRowid(table.source(), new ArrayList<>(keyByRowid.keySet()))) {
                ForeignKey fk = keyByRowid.get(row.rowid());
                rejects.write(RejectFactory.of(table.source(), row.rowid(), row.values(), null, orphanReason(fk)));
            }
            TableResult before = results.get(table.name());
            int n = keyByRowid.size();
            results.put(table.name(), new TableResult(before.table(), before.sourceRows(), before.copied() - n,
                    before.rejected() + n, before.seconds()));
        }
    }

    static String orphanReason(ForeignKey fk) {
        return "orphan: foreign key " + fk.name() + " (" + String.join(", ", fk.columns()) + ") finds no row in "
                + fk.parentTable() + " (" + String.join(", ", fk.parentColumns()) + ")";
    }

    private double seconds(Instant since) {
        return (clock.millis() - since.toEpochMilli()) / 1000.0;
    }
}
