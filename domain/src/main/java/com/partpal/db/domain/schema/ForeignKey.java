package com.partpal.db.domain.schema;

import java.util.List;

/** A foreign key; actions as SQL words ("CASCADE", "SET NULL", "NO ACTION", ...). */
public record ForeignKey(String name, List<String> columns, String parentTable, List<String> parentColumns,
                         String onDelete, String onUpdate) {
    public ForeignKey {
        columns = List.copyOf(columns);
        parentColumns = List.copyOf(parentColumns);
    }
}
