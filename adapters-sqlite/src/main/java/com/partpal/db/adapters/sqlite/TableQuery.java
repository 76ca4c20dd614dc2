package com.partpal.db.adapters.sqlite;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.Table;

import java.util.List;

/**
 * The SELECTs that read a table's rows in a stable order: by rowid, or for a WITHOUT ROWID table by primary key with
 * rows numbered 1, 2, ... by position. A column named rowid hides the rowid, so the first free one of SQLite's three
 * names for it is used.
 */
record TableQuery(Table table, String rowidName) {
    private static final List<String> ROWID_NAMES = List.of("rowid", "_rowid_", "oid");

    static TableQuery of(Table table) {
        if (table.withoutRowid()) {
            return new TableQuery(table, null);
        }
        String rowidName = ROWID_NAMES.stream()
                .filter(n -> table.columns().stream().noneMatch(c -> c.name().equalsIgnoreCase(n)))
                .findFirst()
                .orElseThrow(() -> new BadInputException("table " + table.name()
                        + " hides its rowid behind columns named rowid, _rowid_ and oid"));
        return new TableQuery(table, rowidName);
    }

    boolean numberedByPosition() {
        return rowidName == null;
    }

    String selectAll() {
        if (numberedByPosition()) {
            return "SELECT " + columns() + " FROM " + from() + " ORDER BY " + SqliteNames.quoteAll(table.primaryKey());
        }
        return "SELECT " + rowidName + ", " + columns() + " FROM " + from() + " ORDER BY " + rowidName;
    }

    /** For rowid tables only: {@link #selectAll} from the row after the rowid given as its parameter. */
    String selectAfter() {
        return "SELECT " + rowidName + ", " + columns() + " FROM " + from() + " WHERE " + rowidName + " > ? ORDER BY "
                + rowidName;
    }

    /**
     * The named columns ordered by {@code orderBy} (text compared as bytes, whatever the column's collation; the
     * rowid breaks ties), for verification. Without orderBy, rowid order.
     */
    String selectOrdered(List<String> columns, List<String> orderBy) {
        List<String> order = orderBy.stream().map(c -> SqliteNames.quote(c) + " COLLATE BINARY").toList();
        String list = SqliteNames.quoteAll(columns);
        if (numberedByPosition()) {
            String by = order.isEmpty() ? SqliteNames.quoteAll(table.primaryKey()) : String.join(", ", order);
            return "SELECT " + list + " FROM " + from() + " ORDER BY " + by;
        }
        String by = order.isEmpty() ? rowidName : String.join(", ", order) + ", " + rowidName;
        return "SELECT " + rowidName + (columns.isEmpty() ? "" : ", " + list) + " FROM " + from() + " ORDER BY " + by;
    }

    /** For rowid tables only: the rows whose rowid is one of {@code count} parameters. */
    String selectByRowids(int count) {
        return "SELECT " + rowidName + ", " + columns() + " FROM " + from() + " WHERE " + rowidName
                + " IN (" + "?, ".repeat(count - 1) + "?) ORDER BY " + rowidName;
    }

    String count() {
        return "SELECT count(*) FROM " + from();
    }

    private String columns() {
        return SqliteNames.quoteAll(table.columns().stream().map(Column::name).toList());
    }

    private String from() {
        return SqliteNames.quote(table.name());
    }
}
