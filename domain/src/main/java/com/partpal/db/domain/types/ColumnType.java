package com.partpal.db.domain.types;

/** A target column type; precision and scale are only set for numeric(p,s). */
public record ColumnType(TargetType kind, Integer precision, Integer scale) {
    public static ColumnType of(TargetType kind) {
        return new ColumnType(kind, null, null);
    }

    public String sql() {
        if (kind == TargetType.NUMERIC && precision != null) {
            return "numeric(" + precision + "," + (scale == null ? 0 : scale) + ")";
        }
        return kind.sql();
    }

    public boolean isInteger() {
        return kind == TargetType.INTEGER || kind == TargetType.BIGINT;
    }
}
