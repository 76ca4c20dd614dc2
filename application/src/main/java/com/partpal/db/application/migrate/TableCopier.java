package com.partpal.db.application.migrate;

import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.application.port.RejectsSink;
import com.partpal.db.application.port.RowCursor;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.TableLoader;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.domain.plan.TargetColumn;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.value.CellConverter;
import com.partpal.db.domain.value.CellRejectedException;

import java.util.List;
import java.util.function.BooleanSupplier;

/** Streams one table from source to target, converting every cell and sending rows that break a rule to the rejects. */
final class TableCopier {
    private final SourceDatabase source;
    private final TargetDatabase target;
    private final RejectsSink rejects;
    private final ProgressListener progress;
    private final BooleanSupplier cancelled;
    private final int batchSize;

    TableCopier(SourceDatabase source, TargetDatabase target, RejectsSink rejects, ProgressListener progress,
                BooleanSupplier cancelled, int batchSize) {
        this.source = source;
        this.target = target;
        this.rejects = rejects;
        this.progress = progress;
        this.cancelled = cancelled;
        this.batchSize = batchSize;
    }

    /** Copies the table; returns {source rows, copied, rejected}. */
    long[] copy(TargetTable table) {
        List<CellConverter> converters = table.converters();
        List<TargetColumn> columns = table.columns();
        int width = columns.size();
        Object[] raw = new Object[width];
        Object[] values = new Object[width];
        long read = 0;
        long rejected = 0;
        try (RowCursor cursor = source.readRows(table.source());
             TableLoader loader = target.openLoader(table)) {
            rows:
            while (cursor.next()) {
                read++;
                for (int i = 0; i < width; i++) {
                    raw[i] = cursor.get(i);
                }
                for (int i = 0; i < width; i++) {
                    String problem;
                    try {
                        values[i] = converters.get(i).convert(raw[i]);
                        if (values[i] != null || !columns.get(i).notNull()) {
                            continue;
                        }
                        problem = "NULL in NOT NULL column";
                    } catch (CellRejectedException e) {
                        problem = e.reason();
                    }
                    rejects.write(RejectFactory.of(table.source(), cursor.rowid(), raw, columns.get(i).name(), problem));
                    rejected++;
                    continue rows;
                }
                loader.add(cursor.rowid(), values);
                if (read % batchSize == 0) {
                    progress.rowsLoaded(table.name(), read);
                    if (cancelled.getAsBoolean()) {
                        throw new MigrationCancelledException(table.name());
                    }
                }
            }
            source.requireIntact(); // the source's check may still run: nothing is committed before it passes
            long copied = loader.finish();
            progress.rowsLoaded(table.name(), read);
            return new long[] {read, copied, rejected};
        }
    }
}
