package com.partpal.db.domain.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * numeric and numeric(p,s) columns: the exact decimal of an integer or of decimal text, and for a real (how Prisma's
 * Decimal and NUMERIC affinity store a decimal in SQLite) the shortest decimal that reads back as the same double
 * ({@link ShortestDecimal}: what the app showed), rounded half-up to the column's scale. numeric(p,s) rejects text and
 * integers it could only hold by rounding, and anything too large; plain numeric rejects what PostgreSQL's numeric
 * cannot hold at all.
 */
final class NumericConverter implements CellConverter {
    static final NumericConverter UNBOUNDED = new NumericConverter(null, null);
    private static final int MAX_INTEGER_DIGITS = 131_072;
    private static final int MAX_SCALE = 16_383;
    /** Exponent digits beyond this could not fit BigDecimal's int scale, and no numeric holds such a value. */
    private static final int MAX_EXPONENT_DIGITS = 9;

    private final Integer precision;
    private final Integer scale;

    NumericConverter(Integer precision, Integer scale) {
        this.precision = precision;
        this.scale = scale;
    }

    @Override
    public Object convert(Object raw) throws CellRejectedException {
        if (raw == null) {
            return null;
        }
        BigDecimal value;
        if (raw instanceof Long l) {
            value = BigDecimal.valueOf(l);
        } else if (raw instanceof Double d) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw RawCell.reject("not a finite number", raw);
            }
            value = ShortestDecimal.of(d);
            if (precision != null && value.scale() > scale) {
                value = value.setScale(scale, RoundingMode.HALF_UP); // a double holds no exact decimal to keep
            }
        } else if (raw instanceof String s) {
            value = parse(s);
            if (value == null) {
                throw RawCell.reject("not a number", raw);
            }
        } else if (raw instanceof RawText) {
            throw RawCell.notUtf8();
        } else {
            throw RawCell.reject("not a number", raw);
        }
        return precision == null ? unbounded(value, raw) : fitted(value, raw);
    }

    private static BigDecimal parse(String s) {
        int exponentStart = NumberText.exponentStart(s);
        if (exponentStart < 0) {
            return null;
        }
        int exponentDigits = s.length() - exponentStart - 1;
        if (exponentDigits > 0 && (s.charAt(exponentStart + 1) == '+' || s.charAt(exponentStart + 1) == '-')) {
            exponentDigits--;
        }
        if (exponentDigits > MAX_EXPONENT_DIGITS) {
            return null;
        }
        return new BigDecimal(s);
    }

    private static BigDecimal unbounded(BigDecimal value, Object raw) throws CellRejectedException {
        if (value.signum() != 0 && value.precision() - value.scale() > MAX_INTEGER_DIGITS
                || value.scale() > MAX_SCALE && value.stripTrailingZeros().scale() > MAX_SCALE) {
            throw RawCell.reject("out of range for numeric", raw);
        }
        return value;
    }

    private BigDecimal fitted(BigDecimal value, Object raw) throws CellRejectedException {
        BigDecimal exact = value.scale() > scale ? value.stripTrailingZeros() : value;
        if (exact.scale() > scale) {
            throw RawCell.reject("would be rounded by numeric(" + precision + "," + scale + ")", raw);
        }
        BigDecimal scaled = exact.setScale(scale);
        if (scaled.precision() > precision) {
            throw RawCell.reject("too large for numeric(" + precision + "," + scale + ")", raw);
        }
        return scaled;
    }
}
