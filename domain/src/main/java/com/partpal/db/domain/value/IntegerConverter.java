package com.partpal.db.domain.value;

/**
 * integer and bigint columns: integers, reals with an integral value (3.0 -> 3), text holding an integer literal
 * (optional sign, digits only). An integer column also rejects values outside 32 bits.
 */
final class IntegerConverter implements CellConverter {
    static final IntegerConverter INTEGER = new IntegerConverter(true);
    static final IntegerConverter BIGINT = new IntegerConverter(false);
    /** 2^63 as a double: the first value a long cannot hold. */
    private static final double TWO_TO_63 = 9.223372036854775808E18;

    private final boolean thirtyTwoBit;

    private IntegerConverter(boolean thirtyTwoBit) {
        this.thirtyTwoBit = thirtyTwoBit;
    }

    @Override
    public Object convert(Object raw) throws CellRejectedException {
        if (raw == null) {
            return null;
        }
        Long value;
        if (raw instanceof Long l) {
            value = l;
        } else if (raw instanceof Double d) {
            value = d == Math.rint(d) && d >= -TWO_TO_63 && d < TWO_TO_63 ? Long.valueOf((long) d.doubleValue()) : null;
        } else if (raw instanceof String s) {
            value = NumberText.parseLong(s);
            if (value == null && NumberText.isIntegerLiteral(s)) {
                throw RawCell.reject("out of range for bigint", raw);
            }
        } else if (raw instanceof RawText) {
            throw RawCell.notUtf8();
        } else {
            value = null;
        }
        if (value == null) {
            throw RawCell.reject("not an integer", raw);
        }
        if (thirtyTwoBit && value != (int) value.longValue()) {
            throw RawCell.reject("out of range for integer", raw);
        }
        return value;
    }
}
