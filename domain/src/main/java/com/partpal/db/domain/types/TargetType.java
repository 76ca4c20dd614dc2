package com.partpal.db.domain.types;

/**
 * PostgreSQL column kinds the migration produces. The Java value a converted cell holds is given for each:
 * INTEGER/BIGINT Long, BOOLEAN Boolean, TIMESTAMP java.time.LocalDateTime (UTC, millisecond precision),
 * DATE java.time.LocalDate, DOUBLE Double, NUMERIC java.math.BigDecimal, TEXT String, BYTEA byte[],
 * JSONB String (the validated JSON text as stored in the source).
 */
public enum TargetType {
    INTEGER("integer"),
    BIGINT("bigint"),
    BOOLEAN("boolean"),
    TIMESTAMP("timestamp(3)"),
    DATE("date"),
    DOUBLE("double precision"),
    NUMERIC("numeric"),
    TEXT("text"),
    BYTEA("bytea"),
    JSONB("jsonb");

    private final String sql;

    TargetType(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
