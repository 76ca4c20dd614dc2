package com.partpal.db.domain.schema;

/**
 * A source object that is not copied as a table: kind is table, view, trigger, index, generated column or check;
 * sql may be null.
 *
 * @param targetSql for a view, its query, for a check ("check", name = its table) its constraint, written so that
 *                  PostgreSQL may run it: migrate tries it after the load and reports whether it ran; else null
 */
public record SkippedObject(String kind, String name, String reason, String sql, String targetSql) {
    public SkippedObject(String kind, String name, String reason, String sql) {
        this(kind, name, reason, sql, null);
    }

    /** Whether migrate tries to create it on the target. */
    public boolean tried() {
        return targetSql != null;
    }
}
