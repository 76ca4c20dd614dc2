package com.partpal.db.domain.verify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row that differs. For MISSING_IN_TARGET, UNEXPECTED_IN_TARGET and REJECTED_AS_EXPECTED, row holds the row's
 * values; for CHANGED, cells names each differing column with both values.
 *
 * @param key   primary key column -> value; for a table without a key, every column (or the source rowid)
 * @param note  why, when it is not obvious (the rule that rejects a source row, a rejects file reason), or null
 */
public record RowDifference(Kind kind, Map<String, Object> key, List<CellDifference> cells, Map<String, Object> row,
                            String note) {
    public enum Kind {
        MISSING_IN_TARGET,
        UNEXPECTED_IN_TARGET,
        CHANGED,
        REJECTED_AS_EXPECTED
    }

    public RowDifference {
        key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
        cells = List.copyOf(cells);
        row = row == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(row));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.name().toLowerCase());
        m.put("key", key);
        if (!cells.isEmpty()) {
            m.put("columns", cells.stream().map(c -> {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("column", c.column());
                cell.put("source", c.source());
                cell.put("target", c.target());
                return cell;
            }).toList());
        }
        if (row != null) {
            m.put("row", row);
        }
        if (note != null) {
            m.put("note", note);
        }
        return m;
    }
}
