package com.partpal.db.domain.schema;

/** A source object that is deliberately not copied: kind is table, view, trigger or index; sql may be null. */
public record SkippedObject(String kind, String name, String reason, String sql) {
}
