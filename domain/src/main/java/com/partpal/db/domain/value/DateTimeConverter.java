package com.partpal.db.domain.value;

import java.time.LocalDateTime;

/**
 * timestamp(p) and date columns: see {@link DateTimeText}. Integers are read in the column's {@link EpochUnit}. A
 * value finer than the column keeps (a fraction beyond p digits that is not zeros, a time of day in a date column)
 * is rejected, never rounded or cut.
 */
final class DateTimeConverter implements CellConverter {
    private static final int[] NANOS_PER_UNIT = {1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000,
            1_000};

    private final boolean dateOnly;
    private final EpochUnit unit;
    private final int fractionDigits;

    /** @param fractionDigits the timestamp's precision, 0 to 6 (ignored for a date) */
    DateTimeConverter(boolean dateOnly, EpochUnit unit, int fractionDigits) {
        this.dateOnly = dateOnly;
        this.unit = unit;
        this.fractionDigits = fractionDigits;
    }

    @Override
    public Object convert(Object raw) throws CellRejectedException {
        LocalDateTime value;
        if (raw == null) {
            return null;
        } else if (raw instanceof Long l) {
            value = DateTimeText.fromEpoch(l, unit);
        } else if (raw instanceof String s) {
            value = DateTimeText.parse(s, unit);
        } else if (raw instanceof Double) {
            throw RawCell.reject("not a valid date/time (a real number, which SQLite would read as a Julian day)", raw);
        } else if (raw instanceof RawText) {
            throw RawCell.notUtf8();
        } else {
            value = null;
        }
        if (value == null) {
            throw RawCell.reject("not a valid date/time", raw);
        }
        if (dateOnly) {
            if (value.toLocalTime().toNanoOfDay() != 0) {
                throw RawCell.reject("has a time of day, which a date column cannot hold", raw);
            }
            return value.toLocalDate();
        }
        if (value.getNano() % NANOS_PER_UNIT[fractionDigits] != 0) {
            throw RawCell.reject("has fractional seconds finer than timestamp(" + fractionDigits + ") keeps", raw);
        }
        return value;
    }
}
