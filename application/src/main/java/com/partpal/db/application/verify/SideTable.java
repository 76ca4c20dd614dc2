package com.partpal.db.application.verify;

import com.partpal.db.domain.types.TargetType;
import com.partpal.db.domain.value.CellConverter;
import com.partpal.db.domain.verify.StoredTable;

import java.util.List;

/**
 * One table of one side as verify compares it: its shape (for SQLite, as migrate would create it), the kind of
 * each column, and for SQLite the converters that type its raw cells (null for a typed database).
 */
record SideTable(StoredTable shape, List<TargetType> kinds, List<CellConverter> converters) {
    String name() {
        return shape.name();
    }

    boolean raw() {
        return converters != null;
    }
}
