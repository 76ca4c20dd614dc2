package com.partpal.db.domain.verify;

import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;

import java.util.List;

/**
 * A table as a database holds it, for verification: columns in order, primary key, the other indexes (unique and
 * plain), foreign keys, and the sequence of a serial key column (or null).
 */
public record StoredTable(String name, List<StoredColumn> columns, List<String> primaryKey, List<Index> indexes,
                          List<ForeignKey> foreignKeys, StoredSequence sequence) {
    public StoredTable {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    public List<String> columnNames() {
        return columns.stream().map(StoredColumn::name).toList();
    }
}
