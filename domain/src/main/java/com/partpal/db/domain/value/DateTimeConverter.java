package com.partpal.db.domain.value;

import java.time.LocalDateTime;

/** timestamp(3) and date columns: see {@link DateTimeText}; a date column keeps the UTC calendar date. */
final class DateTimeConverter implements CellConverter {
    private final boolean dateOnly;

    DateTimeConverter(boolean dateOnly) {
        this.dateOnly = dateOnly;
    }

    @Override
    public Object convert(Object raw) throws CellRejectedException {
        LocalDateTime value;
        if (raw == null) {
            return null;
        } else if (raw instanceof Long l) {
            value = DateTimeText.fromEpoch(l);
        } else if (raw instanceof String s) {
            value = DateTimeText.parse(s);
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
        return dateOnly ? value.toLocalDate() : value;
    }
}
