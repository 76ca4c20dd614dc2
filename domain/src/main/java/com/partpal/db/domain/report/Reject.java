package com.partpal.db.domain.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source row that was not copied, with its raw values.
 *
 * @param key    primary key column -> raw value, or {"rowid": N} for a table without one
 * @param column the column whose value broke its rule, or null (an orphan, say)
 * @param row    every column -> raw source value, in column order
 */
public record Reject(String table, Map<String, Object> key, String column, String reason, Map<String, Object> row) {
    public Reject {
        key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
        row = Collections.unmodifiableMap(new LinkedHashMap<>(row));
    }

    /** One line of the rejects file (JSON Lines). */
    public String toJsonLine() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("table", table);
        line.put("key", key);
        line.put("column", column);
        line.put("reason", reason);
        line.put("row", row);
        return Json.write(line);
    }
}
