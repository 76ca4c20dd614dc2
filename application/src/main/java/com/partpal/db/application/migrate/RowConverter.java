package com.partpal.db.application.migrate;

import com.partpal.db.application.port.RowCursor;
import com.partpal.db.domain.plan.TargetColumn;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.report.Reject;
import com.partpal.db.domain.value.CellConverter;
import com.partpal.db.domain.value.CellRejectedException;

import java.util.List;

/**
 * Converts one table's source rows cell by cell; a row with a cell that breaks its rule is not converted and
 * {@link #reject} describes it. One instance per load (it reuses its arrays); the same rows give the same rejects,
 * which is what lets a resumed run rebuild the rejects of batches committed before.
 */
final class RowConverter {
    private final TargetTable table;
    private final List<CellConverter> converters;
    private final List<TargetColumn> columns;
    private final Object[] raw;
    private final Object[] values;
    private String problemColumn;
    private String problem;

    RowConverter(TargetTable table) {
        this.table = table;
        this.converters = table.converters();
        this.columns = table.columns();
        this.raw = new Object[columns.size()];
        this.values = new Object[columns.size()];
    }

    /** The converted values (reused by the next call), or null when a cell is rejected. */
    Object[] convert(RowCursor cursor) {
        for (int i = 0; i < raw.length; i++) {
            raw[i] = cursor.get(i);
        }
        return convert();
    }

    /** Like {@link #convert(RowCursor)} for a row already read. */
    Object[] convert(Object[] row) {
        System.arraycopy(row, 0, raw, 0, raw.length);
        return convert();
    }

    private Object[] convert() {
        for (int i = 0; i < raw.length; i++) {
            try {
                values[i] = converters.get(i).convert(raw[i]);
                if (values[i] != null || !columns.get(i).notNull()) {
                    continue;
                }
                problem = "NULL in NOT NULL column";
            } catch (CellRejectedException e) {
                problem = e.reason();
            }
            problemColumn = columns.get(i).name();
            return null;
        }
        return values;
    }

    /** The rejects-file entry of the row the last convert refused. */
    Reject reject(long rowid) {
        return RejectFactory.of(table.source(), rowid, raw, problemColumn, problem);
    }
}
