package com.partpal.db.domain.plan;

import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TargetType;

import java.util.List;
import java.util.Locale;

/**
 * What a column's SQLite collation becomes. BINARY is PostgreSQL's "C" order and needs nothing. NOCASE becomes
 * {@value #NOCASE}, a nondeterministic ICU collation migrate creates in the target schema, so that comparisons,
 * uniqueness and foreign keys ignore case as in SQLite (it folds all of Unicode where SQLite folds A-Z only, and
 * PostgreSQL 15 refuses LIKE on such a column: both named in the note). RTRIM and collations SQLite does not know
 * (Anki's unicase, read case-insensitively by the SQLite adapter) have no PostgreSQL equivalent: the column gets
 * the database's default collation and a note says so.
 */
public final class Collations {
    /** The case-insensitive collation migrate creates in the target schema when a column needs it. */
    public static final String NOCASE = "partpal_nocase";
    /** Its definition (schema-qualified by the caller). */
    public static final String NOCASE_DEFINITION = "(provider = icu, locale = 'und-u-ks-level2', deterministic = false)";
    private static final List<String> SQLITE_BUILT_IN = List.of("BINARY", "NOCASE", "RTRIM");

    private Collations() {
    }

    /** The PostgreSQL collation for the column (null for the default), adding a note when the meaning changes. */
    static String of(String table, Column column, ColumnType type, List<PlanNote> notes) {
        String declared = column.collation();
        if (declared == null || declared.equalsIgnoreCase("BINARY")) {
            return null;
        }
        String object = table + "." + column.name();
        String upper = declared.toUpperCase(Locale.ROOT);
        if (type.kind() != TargetType.TEXT) {
            notes.add(new PlanNote("collation", object, "COLLATE " + declared + " not carried",
                    "the column becomes " + type.sql() + ", which has no collation"));
            return null;
        }
        if (upper.equals("NOCASE")) {
            notes.add(new PlanNote("collation", object, "COLLATE NOCASE kept as " + NOCASE
                    + " (ICU, case-insensitive for comparison and uniqueness)",
                    "non-ASCII letters also compare without case; PostgreSQL 15 does not allow LIKE on the column"));
            return NOCASE;
        }
        if (upper.equals("RTRIM")) {
            notes.add(new PlanNote("collation", object, "COLLATE RTRIM not carried",
                    "PostgreSQL has no collation that ignores trailing spaces: they count in comparisons there"));
            return null;
        }
        notes.add(new PlanNote("collation", object, "COLLATE " + declared + " not carried",
                "SQLite does not define it (the application registers it); read case-insensitively by Unicode case"
                        + " folding, the column gets the target's default collation"));
        return null;
    }

    /** Whether SQLite itself defines the collation (the others must be registered by whoever reads the file). */
    public static boolean builtIn(String collation) {
        return SQLITE_BUILT_IN.contains(collation.toUpperCase(Locale.ROOT));
    }
}
