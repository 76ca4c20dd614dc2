package com.partpal.db.application.fakes;

import com.partpal.db.application.port.DuplicateKey;
import com.partpal.db.application.port.OnExisting;
import com.partpal.db.application.port.Orphan;
import com.partpal.db.application.port.TableCheckpoint;
import com.partpal.db.application.port.TableLoader;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory target that keeps loaded rows by rowid and finds orphans the way PostgreSQL would (MATCH SIMPLE). */
public final class FakeTarget implements TargetDatabase {
    public final Map<String, Map<Long, Object[]>> tables = new ConcurrentHashMap<>();
    public final List<String> steps = new ArrayList<>();
    public String failLoadOf;
    /** table -> rowid whose add fails once with {@link #failureOnce} (a transient or resumable failure). */
    public final Map<String, Long> failOnceAt = new ConcurrentHashMap<>();
    public RuntimeException failureOnce;
    /** Rows added per table over all attempts (a replayed committed row would count twice). */
    public final Map<String, Long> added = new ConcurrentHashMap<>();
    /** The checkpoints committed with each table's batches. */
    public final Map<String, TableCheckpoint> checkpoints = new ConcurrentHashMap<>();
    public int maxConnections = 10;
    /** The jobs finish was asked to use. */
    public int finishJobs;
    /** Highest number of loaders open at once. */
    public int peakLoaders;
    private int openLoaders;

    @Override
    public String describe() {
        return "fake:target";
    }

    @Override
    public String renderDdl(MigrationPlan plan) {
        return "-- ddl for " + plan.tables().size() + " tables";
    }

    @Override
    public List<String> existingTables(Collection<String> names) {
        return names.stream().filter(tables::containsKey).toList();
    }

    @Override
    public synchronized void createTables(MigrationPlan plan, OnExisting onExisting) {
        steps.add("create");
        plan.tables().forEach(t -> tables.put(t.name(), new LinkedHashMap<>()));
    }

    @Override
    public synchronized String removeCreated(MigrationPlan plan) {
        steps.add("drop");
        plan.tables().forEach(t -> tables.remove(t.name()));
        return "dropped the " + plan.tables().size() + " tables this run created";
    }


    @Override
    public TableLoader openLoader(TargetTable table) {
        Map<Long, Object[]> rows = tables.get(table.name());
        loaderOpened();
        TableCheckpoint from = checkpoints.get(table.name());
        if (from == null) {
            synchronized (rows) {
                rows.clear();
            }
        }
        return new TableLoader() {
            final Map<Long, Object[]> pending = new LinkedHashMap<>();

            @Override
            public TableCheckpoint resumedFrom() {
                return from;
            }

            @Override
            public void add(long rowid, Object[] values) {
                if (table.name().equals(failLoadOf)) {
                    throw new IllegalStateException("COPY failed for " + table.name());
                }
                if (failOnceAt.remove(table.name(), rowid)) {
                    throw failureOnce;
                }
                added.merge(table.name(), 1L, Long::sum);
                pending.put(rowid, Arrays.copyOf(values, values.length));
            }

            long committed;

            @Override
            public void commit(TableCheckpoint checkpoint, long[] rejectedRowids) {
                synchronized (rows) {
                    rows.putAll(pending);
                }
                if (checkpoint != null) {
                    checkpoints.put(table.name(), checkpoint);
                }
                committed += pending.size();
                pending.clear();
            }

            @Override
            public long finish() {
                commit(null, new long[0]);
                return committed;
            }

            @Override
            public void close() {
                loaderClosed();
            }
        };
    }

    @Override
    public int maxConnections() {
        return maxConnections;
    }

    @Override
    public synchronized List<DuplicateKey> buildKeys(TargetTable table) {
        steps.add("keys " + table.name());
        return List.of();
    }

    @Override
    public synchronized void analyze(TargetTable table) {
        steps.add("analyze " + table.name());
    }

    private synchronized void loaderOpened() {
        openLoaders++;
        peakLoaders = Math.max(peakLoaders, openLoaders);
    }

    private synchronized void loaderClosed() {
        openLoaders--;
    }

    @Override
    public synchronized List<Orphan> removeOrphans(MigrationPlan plan, Collection<TargetTable> group) {
        steps.add("orphans " + group.stream().map(TargetTable::name).toList());
        List<Orphan> orphans = new ArrayList<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TargetTable child : group) {
                for (ForeignKey fk : child.foreignKeys()) {
                    TargetTable parent = plan.table(fk.parentTable()).orElseThrow();
                    var it = tables.get(child.name()).entrySet().iterator();
                    while (it.hasNext()) {
                        var row = it.next();
                        Object[] key = project(child, row.getValue(), fk.columns());
                        if (Arrays.stream(key).anyMatch(v -> v == null)) {
                            continue;
                        }
                        boolean found = tables.get(parent.name()).values().stream()
                                .anyMatch(p -> Arrays.equals(project(parent, p, fk.parentColumns()), key));
                        if (!found) {
                            it.remove();
                            orphans.add(new Orphan(child.name(), row.getKey(), fk));
                            changed = true;
                        }
                    }
                }
            }
        }
        return orphans;
    }

    private static Object[] project(TargetTable table, Object[] row, List<String> columns) {
        return columns.stream().map(c -> row[table.source().columnIndex(c)]).toArray();
    }

    @Override
    public synchronized void buildIndex(TargetTable table, Index index) {
        steps.add("index " + index.name());
    }

    @Override
    public synchronized void finish(MigrationPlan plan, int jobs) {
        steps.add("finish");
        finishJobs = jobs;
    }

    @Override
    public void close() {
    }
}
