package com.partpal.db.domain.plan;

import com.partpal.db.domain.types.ColumnType;

/**
 * A column of the target table.
 *
 * @param defaultSql a PostgreSQL default expression (already translated), or null
 * @param serial     an INTEGER PRIMARY KEY that gets a sequence (its default is nextval of that sequence)
 * @param collation  the PostgreSQL collation the column gets ({@link Collations}), or null for the default
 */
public record TargetColumn(String name, ColumnType type, boolean notNull, String defaultSql, boolean serial,
                           String collation) {
    public TargetColumn(String name, ColumnType type, boolean notNull, String defaultSql, boolean serial) {
        this(name, type, notNull, defaultSql, serial, null);
    }

}
