package com.partpal.db.domain.verify;

import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a table as the source implies it (migrate's plan, or the source's own table) with the target's: columns
 * and their types and NOT NULL, the primary key, indexes by name (unique or not, columns), foreign keys by their
 * columns and parent (with ON DELETE/ON UPDATE actions), and whether the serial key still has its sequence. A partial
 * index missing from the target is not a difference: migrate leaves out one whose WHERE clause PostgreSQL refuses and
 * names it in its report (as it does CHECK constraints, which are not compared either).
 */
public final class SchemaComparison {
    private SchemaComparison() {
    }

    public static List<SchemaDifference> compare(StoredTable expected, StoredTable actual) {
        List<SchemaDifference> out = new ArrayList<>();
        String table = expected.name();
        Map<String, StoredColumn> actualColumns = new LinkedHashMap<>();
        actual.columns().forEach(c -> actualColumns.put(c.name(), c));
        for (StoredColumn declared : expected.columns()) {
            StoredColumn column = effective(expected, declared);
            StoredColumn found = actualColumns.remove(column.name());
            found = found == null ? null : effective(actual, found);
            if (found == null) {
                out.add(new SchemaDifference(table, "column", column.name(), describe(column), null));
            } else if (!column.type().equalsIgnoreCase(found.type()) || column.notNull() != found.notNull()) {
                out.add(new SchemaDifference(table, "column", column.name(), describe(column), describe(found)));
            }
        }
        actualColumns.values().forEach(c -> out.add(new SchemaDifference(table, "column", c.name(), null, describe(c))));
        if (!expected.primaryKey().equals(actual.primaryKey())) {
            out.add(new SchemaDifference(table, "primary key", table, columns(expected.primaryKey()),
                    columns(actual.primaryKey())));
        }
        compareIndexes(table, expected.indexes(), actual.indexes(), out);
        compareForeignKeys(table, expected.foreignKeys(), actual.foreignKeys(), out);
        if (expected.sequence() != null && actual.sequence() == null) {
            out.add(new SchemaDifference(table, "sequence", expected.sequence().column(), "a sequence", null));
        }
        return out;
    }

    /** Primary key columns are NOT NULL in PostgreSQL whatever they declare (SQLite's may not say so). */
    private static StoredColumn effective(StoredTable table, StoredColumn column) {
        return column.notNull() || !table.primaryKey().contains(column.name()) ? column
                : new StoredColumn(column.name(), column.type(), true);
    }

    /** A sequence whose next value would collide with a stored key. */
    public static SchemaDifference sequenceBehind(String table, StoredSequence sequence, long maxKey) {
        return new SchemaDifference(table, "sequence", sequence.column(), "next value > " + maxKey,
                "next value " + sequence.nextValue());
    }

    private static void compareIndexes(String table, List<Index> expected, List<Index> actual,
                                       List<SchemaDifference> out) {
        Map<String, Index> remaining = new LinkedHashMap<>();
        actual.forEach(i -> remaining.put(i.name(), i));
        for (Index index : expected) {
            Index found = remaining.remove(index.name());
            if (found == null && index.predicate() != null) {
                continue; // a partial index whose WHERE clause PostgreSQL refused: migrate's report names it
            }
            if (found == null || found.unique() != index.unique() || !found.columns().equals(index.columns())) {
                out.add(new SchemaDifference(table, "index", index.name(), describe(index),
                        found == null ? null : describe(found)));
            }
        }
        remaining.values().forEach(i -> out.add(new SchemaDifference(table, "index", i.name(), null, describe(i))));
    }

    private static void compareForeignKeys(String table, List<ForeignKey> expected, List<ForeignKey> actual,
                                           List<SchemaDifference> out) {
        Map<String, ForeignKey> remaining = new LinkedHashMap<>();
        actual.forEach(fk -> remaining.put(identity(fk), fk));
        for (ForeignKey fk : expected) {
            ForeignKey found = remaining.remove(identity(fk));
            if (found == null || !action(fk.onDelete()).equals(action(found.onDelete()))
                    || !action(fk.onUpdate()).equals(action(found.onUpdate()))) {
                out.add(new SchemaDifference(table, "foreign key", name(fk), describe(fk),
                        found == null ? null : describe(found)));
            }
        }
        remaining.values().forEach(fk -> out.add(new SchemaDifference(table, "foreign key", name(fk), null,
                describe(fk))));
    }

    private static String identity(ForeignKey fk) {
        return fk.columns() + "->" + fk.parentTable() + fk.parentColumns();
    }

    private static String name(ForeignKey fk) {
        return Objects.requireNonNullElse(fk.name(), columns(fk.columns()));
    }

    private static String action(String action) {
        return action == null || action.isBlank() ? "NO ACTION" : action.trim().toUpperCase(Locale.ROOT);
    }

    private static String describe(StoredColumn c) {
        return c.type() + (c.notNull() ? " NOT NULL" : "");
    }

    private static String describe(Index i) {
        return (i.unique() ? "unique " : "") + columns(i.columns());
    }

    private static String describe(ForeignKey fk) {
        return columns(fk.columns()) + " REFERENCES " + fk.parentTable() + columns(fk.parentColumns())
                + " ON DELETE " + action(fk.onDelete()) + " ON UPDATE " + action(fk.onUpdate());
    }

    private static String columns(List<String> names) {
        return "(" + String.join(", ", names) + ")";
    }
}
