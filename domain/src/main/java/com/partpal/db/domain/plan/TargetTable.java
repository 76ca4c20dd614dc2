package com.partpal.db.domain.plan;

import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.value.CellConverter;

import java.util.List;

/**
 * One table as it will be created and loaded. Columns are in source order, one converter per column.
 *
 * @param sequence the sequence of an INTEGER PRIMARY KEY, or null
 */
public record TargetTable(Table source, String name, List<TargetColumn> columns, List<CellConverter> converters,
                          List<String> primaryKey, String primaryKeyName, List<Index> indexes,
                          List<ForeignKey> foreignKeys, SequencePlan sequence) {
    public TargetTable {
        columns = List.copyOf(columns);
        converters = List.copyOf(converters);
        primaryKey = List.copyOf(primaryKey);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    public boolean hasForeignKeys() {
        return !foreignKeys.isEmpty();
    }
}
