package com.partpal.db.domain.schema;

import java.util.List;

/** The per-column census of one table. */
public record TableCensus(String table, long rows, List<ColumnCensus> columns) {
    public TableCensus {
        columns = List.copyOf(columns);
    }
}
