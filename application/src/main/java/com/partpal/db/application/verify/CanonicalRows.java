package com.partpal.db.application.verify;

import com.partpal.db.application.port.RowCursor;
import com.partpal.db.domain.types.TargetType;
import com.partpal.db.domain.value.CellConverter;
import com.partpal.db.domain.value.CellRejectedException;
import com.partpal.db.domain.verify.CanonicalValue;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reads one side's rows as canonical rows: a SQLite side's raw cells go through migrate's converters first (a cell
 * that breaks a rule, or NULL in a NOT NULL column, marks the row as rejected, as migrate would), a typed side's
 * values are only brought to their canonical form.
 */
final class CanonicalRows implements AutoCloseable {
    /** Rows read between two looks at the cancel flag. */
    private static final int CANCEL_CHECK_ROWS = 4096;

    private final RowCursor cursor;
    private final BooleanSupplier cancelled;
    private long read;
    private final TargetType[] kinds;
    private final CellConverter[] converters;
    private final boolean[] notNull;
    private final String[] names;
    private final int[] keyPositions;

    /** @param columns positions (in the side table) of the compared columns, in compared order */
    CanonicalRows(RowCursor cursor, SideTable table, int[] columns, int[] keyPositions, BooleanSupplier cancelled) {
        this.cursor = cursor;
        this.cancelled = cancelled;
        this.keyPositions = keyPositions;
        int width = columns.length;
        kinds = new TargetType[width];
        converters = table.raw() ? new CellConverter[width] : null;
        notNull = new boolean[width];
        names = new String[width];
        for (int i = 0; i < width; i++) {
            kinds[i] = table.kinds().get(columns[i]);
            notNull[i] = table.shape().columns().get(columns[i]).notNull();
            names[i] = table.shape().columns().get(columns[i]).name();
            if (converters != null) {
                converters[i] = table.converters().get(columns[i]);
            }
        }
    }

    /** The next row, or null at the end. */
    CanonicalRow next() {
        if (read++ % CANCEL_CHECK_ROWS == 0 && cancelled.getAsBoolean()) {
            throw new VerificationCancelledException();
        }
        if (!cursor.next()) {
            return null;
        }
        int width = kinds.length;
        Object[] values = new Object[width];
        for (int i = 0; i < width; i++) {
            values[i] = cursor.get(i);
        }
        Object[] rawKey = new Object[keyPositions.length];
        for (int k = 0; k < keyPositions.length; k++) {
            rawKey[k] = values[keyPositions[k]];
        }
        String rejection = null;
        for (int i = 0; i < width && rejection == null; i++) {
            Object typed = values[i];
            if (converters != null) {
                try {
                    typed = converters[i].convert(typed);
                } catch (CellRejectedException e) {
                    rejection = names[i] + ": " + e.reason();
                    continue;
                }
                if (typed == null && notNull[i]) {
                    rejection = names[i] + ": NULL in NOT NULL column";
                    continue;
                }
            }
            values[i] = CanonicalValue.of(kinds[i], typed);
        }
        return new CanonicalRow(values, cursor.rowid(), rejection, rawKey);
    }

    static int[] positions(List<String> all, List<String> wanted) {
        return wanted.stream().mapToInt(all::indexOf).toArray();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
