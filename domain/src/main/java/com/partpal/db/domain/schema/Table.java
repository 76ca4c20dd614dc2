package com.partpal.db.domain.schema;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A source table.
 *
 * @param primaryKeyName  the PRIMARY KEY constraint's name ({table}_pkey when the source gives none)
 * @param rowidAlias      the INTEGER PRIMARY KEY column that aliases the rowid, or null
 * @param withoutRowid    a WITHOUT ROWID table (rows are keyed by the primary key only)
 * @param sequenceValue   for a table with a rowid alias: the highest key the source has used, the larger of
 *                        sqlite_sequence.seq (AUTOINCREMENT) and the largest rowid stored; null when neither exists
 */
public record Table(String name, List<Column> columns, List<String> primaryKey, String primaryKeyName,
                    String rowidAlias, boolean withoutRowid, Long sequenceValue,
                    List<Index> indexes, List<ForeignKey> foreignKeys, String sql) {
    public Table {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + columnName + " in " + name);
    }

    /**
     * This table cut down to the named columns, to count or read only those: keys, indexes and foreign keys dropped,
     * the rowid alias kept if it is one of them.
     */
    public Table onlyColumns(Set<String> names) {
        return new Table(name, columns.stream().filter(c -> names.contains(c.name())).toList(), List.of(),
                primaryKeyName, names.contains(rowidAlias) ? rowidAlias : null, withoutRowid, sequenceValue,
                List.of(), List.of(), sql);
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
