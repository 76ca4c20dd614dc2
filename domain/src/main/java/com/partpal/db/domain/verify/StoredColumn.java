package com.partpal.db.domain.verify;

/**
 * A column as a database holds it.
 *
 * @param type the column type as migrate writes it ("integer", "timestamp(3)", "numeric(10,2)", "jsonb"...);
 *             PostgreSQL's long forms are shortened to these ("timestamp(3) without time zone" -> "timestamp(3)")
 */
public record StoredColumn(String name, String type, boolean notNull) {
}
