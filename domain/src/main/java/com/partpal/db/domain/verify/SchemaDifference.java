package com.partpal.db.domain.verify;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A schema object that is not as the source promises.
 *
 * @param object   what: "table", "column", "primary key", "index", "foreign key", "sequence"
 * @param name     the object's name (a column, an index...), or the table's for the table itself
 * @param expected what the source implies (null: should not exist)
 * @param actual   what the target holds (null: does not exist)
 */
public record SchemaDifference(String table, String object, String name, String expected, String actual) {
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", table);
        m.put("object", object);
        m.put("name", name);
        m.put("expected", expected);
        m.put("actual", actual);
        return m;
    }

    @Override
    public String toString() {
        return table + ": " + object + " " + name + ": expected " + (expected == null ? "none" : expected)
                + ", found " + (actual == null ? "none" : actual);
    }
}
