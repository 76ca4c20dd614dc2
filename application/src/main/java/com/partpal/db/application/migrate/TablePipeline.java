package com.partpal.db.application.migrate;

import com.partpal.db.application.port.DuplicateKey;
import com.partpal.db.application.port.Orphan;
import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.report.TableResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Loads every table and builds each table's keys, orphan check and indexes as soon as what they need is there,
 * jobs at a time, so that index builds of loaded tables overlap the loads still running:
 * <ul>
 *   <li>keys: after the table's own load (indexes and keys always follow the data); ANALYZE after them;</li>
 *   <li>orphan check: after the table's keys and its parents' orphan checks (removals cascade to children;
 *       tables in a foreign-key cycle are checked together, see {@link SettleGroups});</li>
 *   <li>other indexes: after the table's orphan check, each on its own (a large table's indexes are built
 *       side by side).</li>
 * </ul>
 * Foreign keys and sequences are left for the end ({@link TargetDatabase#finish}). The first failure stops
 * every step not yet started and is the one thrown.
 */
final class TablePipeline {
    record Outcome(Map<String, TableResult> results, List<DuplicateKey> duplicates, List<Orphan> orphans) {
    }

    private static final int LOAD = 0;
    private static final int KEYS = 1;
    private static final int ORPHANS = 2;
    private static final int INDEXES = 3;
    private static final int STATISTICS = 4;

    private final MigrationPlan plan;
    private final TargetDatabase target;
    private final int jobs;
    private final BooleanSupplier stop;
    private Retry retry;
    private final AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();

    TablePipeline(MigrationPlan plan, TargetDatabase target, int jobs, BooleanSupplier cancelled) {
        this.plan = plan;
        this.target = target;
        this.jobs = jobs;
        this.stop = () -> firstFailure.get() != null || cancelled.getAsBoolean();
        this.retry = new Retry(0, null, stop);
    }

    /** Steps that fail transiently are tried again (see {@link Retry}), reported to progress. */
    TablePipeline retrying(int retries, ProgressListener progress) {
        this.retry = new Retry(retries, progress, stop);
        return this;
    }

    /** True once a step failed or the run was cancelled: long steps (loads) check it as they go. */
    BooleanSupplier stopped() {
        return stop;
    }

    /**
     * Loads the tables in loadOrder (every table of the plan, largest first), each followed by its keys, orphan check
     * and indexes. Waiting steps are taken loads first, then keys, orphan checks, indexes and statistics, each kind
     * largest table first: the largest table's chain is the longest, so its keys do not queue behind the index
     * builds of a table loaded a moment before.
     */
    Outcome run(List<TargetTable> loadOrder, Function<TargetTable, TableResult> load) {
        List<DuplicateKey> duplicates = Collections.synchronizedList(new ArrayList<>());
        List<Orphan> orphans = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> rank = new HashMap<>();
        loadOrder.forEach(table -> rank.put(table.name(), rank.size()));
        try (PriorityPool pool = new PriorityPool(jobs, "partpal-load")) {
            Map<String, CompletableFuture<TableResult>> loaded = new HashMap<>();
            Map<String, CompletableFuture<Void>> keyed = new HashMap<>();
            for (TargetTable table : loadOrder) {
                int tableRank = rank.get(table.name());
                CompletableFuture<TableResult> loading = CompletableFuture.supplyAsync(step(table, "loading " + table.name(), () -> load.apply(table)),
                        pool.at(LOAD, tableRank));
                loaded.put(table.name(), loading);
                keyed.put(table.name(), loading.thenRunAsync(run(table, "the keys of " + table.name(), () -> duplicates.addAll(target.buildKeys(table))),
                        pool.at(KEYS, tableRank)));
            }
            Map<String, CompletableFuture<Void>> settled = new HashMap<>();
            List<CompletableFuture<Void>> indexed = new ArrayList<>();
            // statistics off the critical path: after the orphan checks and index builds waiting, not before them
            plan.tables().forEach(table -> indexed.add(keyed.get(table.name())
                    .thenRunAsync(run(table, "analyzing " + table.name(), () -> target.analyze(table)), pool.at(STATISTICS, rank.get(table.name())))));
            for (List<TargetTable> group : SettleGroups.of(plan)) {
                List<CompletableFuture<Void>> needs = new ArrayList<>();
                for (TargetTable table : group) {
                    needs.add(keyed.get(table.name()));
                    SettleGroups.parents(plan, table).stream().filter(settled::containsKey).map(settled::get).forEach(needs::add);
                }
                int groupRank = group.stream().mapToInt(table -> rank.get(table.name())).min().orElseThrow();
                CompletableFuture<Void> done = CompletableFuture.allOf(needs.toArray(CompletableFuture[]::new))
                        .thenRunAsync(run(group.get(0), "the orphan check of " + group.get(0).name(), () -> orphans.addAll(target.removeOrphans(plan, group))),
                                pool.at(ORPHANS, groupRank));
                group.forEach(table -> settled.put(table.name(), done));
                for (TargetTable table : group) {
                    table.indexes().stream().filter(index -> !index.unique()).forEach(index -> indexed.add(done.thenRunAsync(
                            run(table, "index " + index.name(), () -> target.buildIndex(table, index)), pool.at(INDEXES, rank.get(table.name())))));
                }
                indexed.add(done);
            }
            await(indexed);
            Map<String, TableResult> results = new LinkedHashMap<>();
            plan.tables().forEach(table -> results.put(table.name(), loaded.get(table.name()).join()));
            return new Outcome(results, List.copyOf(duplicates), List.copyOf(orphans));
        }
    }

    private Runnable run(TargetTable table, String what, Runnable work) {
        Supplier<Void> step = step(table, what, () -> {
            work.run();
            return null;
        });
        return step::get;
    }

    private <T> Supplier<T> step(TargetTable table, String what, Supplier<T> work) {
        return () -> {
            if (stop.getAsBoolean()) {
                throw new MigrationCancelledException(table.name());
            }
            try {
                return retry.call(what, work);
            } catch (MigrationCancelledException e) {
                throw e;
            } catch (RuntimeException e) {
                firstFailure.compareAndSet(null, e);
                throw e;
            }
        };
    }

    /** Waits for every step; the table that failed first is the cause, the others were only stopped because of it. */
    private void await(List<CompletableFuture<Void>> steps) {
        CompletableFuture<Void> all = CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new));
        try {
            // a stop request does not wait for a long step (an index build) to end: what it commits is kept or redone
            while (!all.isDone()) {
                if (stop.getAsBoolean() && firstFailure.get() == null) {
                    throw new MigrationCancelledException("the load");
                }
                try {
                    all.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // check the stop request again
                }
            }
            all.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationCancelledException("the load");
        } catch (ExecutionException e) {
            if (firstFailure.get() != null) {
                throw firstFailure.get();
            }
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        if (firstFailure.get() != null) {
            throw firstFailure.get();
        }
    }
}
