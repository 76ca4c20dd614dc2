package com.partpal.db.domain.types;

/**
 * A target column type; precision and scale are only set for numeric(p,s), precision alone for a timestamp finer
 * than milliseconds (timestamp(6)).
 */
public record ColumnType(TargetType kind, Integer precision, Integer scale) {
    /** PostgreSQL's finest timestamp: microseconds. */
    public static final int MAX_TIMESTAMP_PRECISION = 6;

    public static ColumnType of(TargetType kind) {
        return new ColumnType(kind, null, null);
    }

    public static ColumnType timestamp(int precision) {
        return precision == 3 ? of(TargetType.TIMESTAMP) : new ColumnType(TargetType.TIMESTAMP, precision, null);
    }

    public String sql() {
        if (kind == TargetType.NUMERIC && precision != null) {
            return "numeric(" + precision + "," + (scale == null ? 0 : scale) + ")";
        }
        if (kind == TargetType.TIMESTAMP && precision != null) {
            return "timestamp(" + precision + ")";
        }
        return kind.sql();
    }

    /** The fractional digits of a timestamp column (3 unless set). */
    public int timestampPrecision() {
        return precision == null ? 3 : precision;
    }

    public boolean isInteger() {
        return kind == TargetType.INTEGER || kind == TargetType.BIGINT;
    }
}
