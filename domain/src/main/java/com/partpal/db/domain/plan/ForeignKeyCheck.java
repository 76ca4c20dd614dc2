package com.partpal.db.domain.plan;

import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TargetType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which of a table's foreign keys PostgreSQL can create. SQLite accepts foreign keys it never checks;
 * PostgreSQL refuses one whose parent is missing, whose parent columns are not a primary key or unique (without
 * a WHERE), whose child and parent columns have types it cannot compare (text against integer), or one declared
 * twice. Such a key is not created (the rows stay as they are, nothing is removed as an orphan of it) and a
 * {@link PlanNote} says which and why; a key declared twice is created once. A key to a table that exists but is
 * not migrated stays a warning, as before. Parent names are matched as SQLite does, ignoring ASCII case.
 */
final class ForeignKeyCheck {
    private final List<Table> allTables;
    private final Set<String> selected;
    private final Map<String, List<ColumnType>> types;
    private final List<String> warnings;
    private final List<PlanNote> notes;

    ForeignKeyCheck(List<Table> allTables, Set<String> selected, Map<String, List<ColumnType>> types,
                    List<String> warnings, List<PlanNote> notes) {
        this.allTables = allTables;
        this.selected = selected;
        this.types = types;
        this.warnings = warnings;
        this.notes = notes;
    }

    /** The foreign keys to create, in target names. */
    List<ForeignKey> creatable(Table table, NameMapping names) {
        List<ForeignKey> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ForeignKey fk : table.foreignKeys()) {
            Optional<Table> parent = find(fk.parentTable());
            String shown = table.name() + "." + (fk.name() == null ? String.join("_", fk.columns()) : fk.name());
            if (parent.isPresent() && !selected.contains(parent.get().name())) {
                warnings.add(table.name() + ": foreign key " + describe(fk) + " is dropped: its parent table "
                        + fk.parentTable() + " is not migrated");
                continue;
            }
            String refusal = parent.isEmpty() ? "its parent table " + fk.parentTable() + " does not exist"
                    : refusal(table, fk, parent.get());
            if (refusal != null) {
                notes.add(new PlanNote("foreign key", shown, "not created", refusal
                        + "; its rows are copied as they are"));
                continue;
            }
            List<String> parentColumns = parentColumns(fk, parent.get());
            List<String> columns = spelled(table, fk.columns());
            String identity = columns + "->" + parent.get().name() + parentColumns;
            if (!seen.add(identity.toLowerCase(Locale.ROOT))) {
                notes.add(new PlanNote("foreign key", shown, "created once", "declared twice on the same columns"));
                continue;
            }
            kept.add(names.foreignKey(table, fk, columns, parent.get().name(), parentColumns));
        }
        return kept;
    }

    private String refusal(Table table, ForeignKey fk, Table parent) {
        List<String> columns = spelled(table, fk.columns());
        if (columns.contains(null)) {
            return "one of its columns (" + String.join(", ", fk.columns()) + ") is not a column of " + table.name();
        }
        List<String> parentColumns = parentColumns(fk, parent);
        if (parentColumns.isEmpty()) {
            return "it names no parent columns and " + parent.name() + " has no primary key";
        }
        if (parentColumns.size() != fk.columns().size()) {
            return "it has " + fk.columns().size() + " columns and its parent columns " + parentColumns.size();
        }
        for (int i = 0; i < parentColumns.size(); i++) {
            if (parentColumns.get(i) == null) {
                return "its parent column " + parent.name() + "." + fk.parentColumns().get(i) + " does not exist";
            }
        }
        if (!unique(parent, parentColumns)) {
            return "its parent columns " + parent.name() + " (" + String.join(", ", parentColumns)
                    + ") are neither a primary key nor unique";
        }
        for (int i = 0; i < parentColumns.size(); i++) {
            ColumnType child = type(table, fk.columns().get(i));
            ColumnType parentType = type(parent, parentColumns.get(i));
            if (child != null && parentType != null && !comparable(child.kind(), parentType.kind())) {
                return "column " + fk.columns().get(i) + " becomes " + child.sql() + " and its parent column "
                        + parent.name() + "." + parentColumns.get(i) + " " + parentType.sql()
                        + ", which PostgreSQL cannot compare";
            }
        }
        return null;
    }

    /** The parent's columns in the parent's own spelling (null for one that does not exist); its key if none given. */
    private static List<String> parentColumns(ForeignKey fk, Table parent) {
        if (fk.parentColumns().isEmpty()) {
            return parent.primaryKey();
        }
        return spelled(parent, fk.parentColumns());
    }

    /** Column names as the table spells them (SQLite ignores ASCII case), null for one it does not have. */
    private static List<String> spelled(Table table, List<String> names) {
        return names.stream().map(name -> table.columns().stream().map(Column::name)
                .filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null)).toList();
    }

    /** A primary key or a unique index without a predicate on exactly these columns, in any order. */
    private static boolean unique(Table parent, List<String> columns) {
        Set<String> wanted = Set.copyOf(columns);
        if (Set.copyOf(parent.primaryKey()).equals(wanted) && parent.primaryKey().size() == columns.size()) {
            return true;
        }
        for (Index index : parent.indexes()) {
            if (index.unique() && index.predicate() == null && index.columns().size() == columns.size()
                    && Set.copyOf(index.columns()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean comparable(TargetType a, TargetType b) {
        return family(a) == family(b);
    }

    private static TargetType family(TargetType type) {
        return type == TargetType.BIGINT ? TargetType.INTEGER : type;
    }

    private ColumnType type(Table table, String column) {
        List<ColumnType> columnTypes = types.get(table.name());
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equalsIgnoreCase(column)) {
                return columnTypes.get(i);
            }
        }
        return null;
    }

    private Optional<Table> find(String name) {
        return allTables.stream().filter(t -> t.name().equals(name)).findFirst()
                .or(() -> allTables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst());
    }

    static String describe(ForeignKey fk) {
        return (fk.name() == null ? "" : fk.name() + " ") + "(" + String.join(", ", fk.columns()) + ")";
    }
}
