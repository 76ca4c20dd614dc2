package com.partpal.db.application.migrate;

import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.application.port.RejectsSink;
import com.partpal.db.application.port.RowCursor;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.TableCheckpoint;
import com.partpal.db.application.port.TableLoader;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.report.Reject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Streams one table from source to target, converting every cell and sending rows that break a rule to the rejects,
 * in batches of {@code checkpointRows} rows: each batch is committed with the table's checkpoint (and the rowids it
 * rejected), so a load that is retried or resumed goes on after the last committed row ({@link TableLoader#resumedFrom}).
 * A batch's rejects reach the rejects sink only once the batch is committed; when a commit's outcome is unknown (the
 * connection dropped during it), the checkpoint read back on the next attempt tells whether they belong there.
 */
final class TableCopier {
    /** A batch also ends after this many rejects, which are held in memory until it commits. */
    private static final int MAX_PENDING_REJECTS = 1000;

    private final SourceDatabase source;
    private final TargetDatabase target;
    private final RejectsSink rejects;
    private final ProgressListener progress;
    private final BooleanSupplier cancelled;
    private final int batchSize;
    private final long checkpointRows;
    /** Rejects of a batch whose commit failed, by table, until the next attempt knows whether it committed. */
    private final Map<String, Pending> inDoubt = new ConcurrentHashMap<>();

    private record Pending(long lastRowid, List<Reject> rejects) {
    }

    TableCopier(SourceDatabase source, TargetDatabase target, RejectsSink rejects, ProgressListener progress,
                BooleanSupplier cancelled, int batchSize, long checkpointRows) {
        this.source = source;
        this.target = target;
        this.rejects = rejects;
        this.progress = progress;
        this.cancelled = cancelled;
        this.batchSize = batchSize;
        this.checkpointRows = checkpointRows;
    }

    /** Copies the table (the rest of it after its last checkpoint); returns {source rows read, copied, rejected}. */
    long[] copy(TargetTable table) {
        try (TableLoader loader = target.openLoader(table)) {
            TableCheckpoint from = loader.resumedFrom();
            settleInDoubt(table, from);
            if (from != null && from.loaded()) {
                return new long[] {from.read(), from.copied(), from.rejected()};
            }
            Batch batch = new Batch(table, loader, from);
            try (RowCursor cursor = from == null ? source.readRows(table.source())
                    : source.readRowsAfter(table.source(), from.lastRowid())) {
                while (cursor.next()) {
                    batch.row(cursor);
                    if (batch.read % batchSize == 0) {
                        progress.rowsLoaded(table.name(), batch.read);
                        if (cancelled.getAsBoolean()) {
                            throw new MigrationCancelledException(table.name());
                        }
                    }
                    if (batch.full()) {
                        batch.commit(false);
                    }
                }
            }
            batch.commit(true);
            progress.rowsLoaded(table.name(), batch.read);
            return new long[] {batch.read, batch.copied, batch.rejected};
        }
    }

    /** The rejects of a batch whose commit failed go to the sink only if the checkpoint shows it committed after all. */
    private void settleInDoubt(TargetTable table, TableCheckpoint from) {
        Pending pending = inDoubt.remove(table.name());
        if (pending != null && from != null && from.lastRowid() >= pending.lastRowid()) {
            pending.rejects().forEach(rejects::write);
        }
    }

    /** The rows read since the last commit, and the table's running counts. */
    private final class Batch {
        private final TargetTable table;
        private final TableLoader loader;
        private final RowConverter converter;
        private final List<Reject> pendingRejects = new ArrayList<>();
        private long[] rejectedRowids = new long[16];
        private long lastRowid;
        private long read;
        private long copied;
        private long rejected;
        private long readAtCommit;

        Batch(TargetTable table, TableLoader loader, TableCheckpoint from) {
            this.table = table;
            this.loader = loader;
            this.converter = new RowConverter(table);
            if (from != null) {
                lastRowid = from.lastRowid();
                read = from.read();
                copied = from.copied();
                rejected = from.rejected();
                readAtCommit = read;
            }
        }

        void row(RowCursor cursor) {
            read++;
            lastRowid = cursor.rowid();
            Object[] values = converter.convert(cursor);
            if (values != null) {
                loader.add(lastRowid, values);
                copied++;
                return;
            }
            pendingRejects.add(converter.reject(lastRowid));
            if (pendingRejects.size() > rejectedRowids.length) {
                rejectedRowids = Arrays.copyOf(rejectedRowids, rejectedRowids.length * 2);
            }
            rejectedRowids[pendingRejects.size() - 1] = lastRowid;
            rejected++;
        }

        boolean full() {
            return read - readAtCommit >= checkpointRows || pendingRejects.size() >= MAX_PENDING_REJECTS;
        }

        /** Commits the batch with its checkpoint (nothing is committed before the source's own check passed). */
        void commit(boolean loaded) {
            source.requireIntact();
            TableCheckpoint checkpoint = new TableCheckpoint(lastRowid, read, copied, rejected, loaded);
            long[] rowids = Arrays.copyOf(rejectedRowids, pendingRejects.size());
            try {
                loader.commit(checkpoint, rowids);
            } catch (RuntimeException e) {
                inDoubt.put(table.name(), new Pending(lastRowid, List.copyOf(pendingRejects)));
                throw e;
            }
            pendingRejects.forEach(rejects::write);
            pendingRejects.clear();
            readAtCommit = read;
        }
    }
}
