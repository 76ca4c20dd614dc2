package com.partpal.db.domain.schema;

/**
 * A column as the source declares it.
 *
 * @param declaredType the declared type text, as written ("" when none)
 * @param defaultSql   the default as an SQL expression text (PRAGMA table_info's dflt_value), or null
 * @param pkOrdinal    1-based position in the primary key, 0 when not part of it
 * @param collation    the column's COLLATE name as declared (NOCASE, RTRIM, unicase, ...), or null
 */
public record Column(String name, String declaredType, boolean notNull, String defaultSql, int pkOrdinal,
                     String collation) {
    public Column(String name, String declaredType, boolean notNull, String defaultSql, int pkOrdinal) {
        this(name, declaredType, notNull, defaultSql, pkOrdinal, null);
    }

    public boolean inPrimaryKey() {
        return pkOrdinal > 0;
    }
}
