package com.partpal.db.application.verify;

import com.partpal.db.domain.types.TargetType;
import com.partpal.db.domain.value.CellConverter;
import com.partpal.db.domain.verify.StoredTable;

import java.util.List;
import java.util.Map;

/**
 * One table of one side as verify compares it: its shape (for SQLite, as migrate would create it), the kind of
 * each column, and for SQLite the converters that type its raw cells (null for a typed database).
 *
 * @param readName    the table's name in this side's database (for SQLite the source name; shape has the target's)
 * @param readColumns the column names of this side's database by target column name, where they differ
 */
record SideTable(StoredTable shape, List<TargetType> kinds, List<CellConverter> converters, String readName,
                 Map<String, String> readColumns) {
    SideTable(StoredTable shape, List<TargetType> kinds, List<CellConverter> converters) {
        this(shape, kinds, converters, shape.name(), Map.of());
    }

    String name() {
        return shape.name();
    }

    /** Target column names as this side's database spells them. */
    List<String> read(List<String> columns) {
        return columns.stream().map(c -> readColumns.getOrDefault(c, c)).toList();
    }

    boolean raw() {
        return converters != null;
    }
}
