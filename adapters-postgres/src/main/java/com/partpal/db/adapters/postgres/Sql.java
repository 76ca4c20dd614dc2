package com.partpal.db.adapters.postgres;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting for PostgreSQL SQL text: names are always double-quoted so case, spaces and keywords are kept exactly. */
public final class Sql {
    private Sql() {
    }

    /** "name" with embedded double quotes doubled. */
    public static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** "schema"."name" */
    public static String qualified(String schema, String name) {
        return identifier(schema) + "." + identifier(name);
    }

    /** 'text' with embedded single quotes doubled (standard_conforming_strings is on since 9.1). */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** "a", "b" */
    public static String identifiers(List<String> names) {
        return names.stream().map(Sql::identifier).collect(Collectors.joining(", "));
    }
}
