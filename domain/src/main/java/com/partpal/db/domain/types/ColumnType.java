package com.partpal.db.domain.types;

import java.util.List;

/**
 * A target column type; precision and scale are only set for numeric(p,s), precision alone for a timestamp finer
 * than milliseconds (timestamp(6)) or the length of a varchar(n)/char(n).
 *
 * @param declared   the type as PostgreSQL is to be told it when it is not the kind's own ("varchar(255)"), or for
 *                   an enum the enum type's name (created in the target schema); null otherwise
 * @param enumValues the values of that enum type in order, or null when the column is no enum
 */
public record ColumnType(TargetType kind, Integer precision, Integer scale, String declared, List<String> enumValues) {
    public ColumnType {
        enumValues = enumValues == null ? null : List.copyOf(enumValues);
    }

    public ColumnType(TargetType kind, Integer precision, Integer scale) {
        this(kind, precision, scale, null, null);
    }

    /** A column of an enum type holding one of the values (its kind is text: that is how the values travel). */
    public static ColumnType enumType(String name, List<String> values) {
        return new ColumnType(TargetType.TEXT, null, null, name, values);
    }

    public boolean isEnum() {
        return enumValues != null;
    }

    /** PostgreSQL's finest timestamp: microseconds. */
    public static final int MAX_TIMESTAMP_PRECISION = 6;

    public static ColumnType of(TargetType kind) {
        return new ColumnType(kind, null, null);
    }

    public static ColumnType timestamp(int precision) {
        return precision == 3 ? of(TargetType.TIMESTAMP) : new ColumnType(TargetType.TIMESTAMP, precision, null);
    }

    public String sql() {
        if (isEnum()) {
            return '"' + declared.replace("\"", "\"\"") + '"';
        }
        if (declared != null) {
            return declared;
        }
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
