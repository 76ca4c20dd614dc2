package com.partpal.db.adapters.sqlite;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting SQLite identifiers for generated SQL. */
final class SqliteNames {
    private SqliteNames() {
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String quoteAll(List<String> identifiers) {
        return identifiers.stream().map(SqliteNames::quote).collect(Collectors.joining(", "));
    }

    static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
