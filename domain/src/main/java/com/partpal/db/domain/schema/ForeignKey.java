package com.partpal.db.domain.schema;

import java.util.List;

/**
 * A foreign key; actions as SQL words ("CASCADE", "SET NULL", "NO ACTION", ...).
 *
 * @param deferral "DEFERRABLE INITIALLY DEFERRED" or "DEFERRABLE INITIALLY IMMEDIATE", or null (not deferrable)
 */
public record ForeignKey(String name, List<String> columns, String parentTable, List<String> parentColumns,
                         String onDelete, String onUpdate, String deferral) {
    public ForeignKey {
        columns = List.copyOf(columns);
        parentColumns = List.copyOf(parentColumns);
    }

    public ForeignKey(String name, List<String> columns, String parentTable, List<String> parentColumns,
                      String onDelete, String onUpdate) {
        this(name, columns, parentTable, parentColumns, onDelete, onUpdate, null);
    }
}
