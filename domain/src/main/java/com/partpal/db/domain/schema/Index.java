package com.partpal.db.domain.schema;

import java.util.List;

/**
 * An index on plain columns.
 *
 * @param name      the index name; for an index behind an inline UNIQUE constraint (sqlite_autoindex_*) the
 *                  name PostgreSQL would give the constraint ({table}_{cols}_key)
 * @param predicate the WHERE clause text of a partial index, or null
 * @param constraint true when it came from a UNIQUE table constraint rather than CREATE INDEX
 */
public record Index(String name, boolean unique, List<String> columns, String predicate, boolean constraint) {
    public Index {
        columns = List.copyOf(columns);
    }
}
