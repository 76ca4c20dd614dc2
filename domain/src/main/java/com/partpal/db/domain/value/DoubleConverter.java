package com.partpal.db.domain.value;

/**
 * double precision columns: integers, reals, and decimal text (optional sign and exponent; no whitespace, no
 * NaN/Infinity words). Text beyond double's range rejects, as PostgreSQL would, rather than becoming Infinity or 0.
 */
final class DoubleConverter implements CellConverter {
    static final DoubleConverter INSTANCE = new DoubleConverter();

    private DoubleConverter() {
    }

    @Override
    public Object convert(Object raw) throws CellRejectedException {
        if (raw == null || raw instanceof Double) {
            return raw;
        }
        if (raw instanceof Long l) {
            return l.doubleValue();
        }
        if (raw instanceof String s) {
            int exponentStart = NumberText.exponentStart(s);
            if (exponentStart < 0) {
                throw RawCell.reject("not a number", raw);
            }
            double value = Double.parseDouble(s);
            if (Double.isInfinite(value)
                    || value == 0.0 && NumberText.hasNonZeroDigit(s, 0, exponentStart)) {
                throw RawCell.reject("out of range for double precision", raw);
            }
            return value;
        }
        if (raw instanceof RawText) {
            throw RawCell.notUtf8();
        }
        throw RawCell.reject("not a number", raw);
    }
}
