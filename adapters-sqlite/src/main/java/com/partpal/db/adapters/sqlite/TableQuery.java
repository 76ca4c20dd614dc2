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
