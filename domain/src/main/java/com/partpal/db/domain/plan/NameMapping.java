package com.partpal.db.domain.plan;

import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The target name of every table, column, key, index, foreign key and sequence of the selected tables, given by
 * {@link TargetNames}: a name that fits PostgreSQL and is free stays as it is; each one that does not is renamed
 * and listed as a {@link PlanNote}. Names the source gives are placed before names migrate makes up (the
 * {table}_pkey / _key / _seq ones), so a made-up name never pushes a real one aside; within each group source
 * order decides, so the mapping is the same on every run.
 */
final class NameMapping {
    private final Map<String, String> tables = new HashMap<>();
    private final Map<String, Map<String, String>> columns = new HashMap<>();
    private final Map<String, String> primaryKeys = new HashMap<>();
    private final Map<String, List<String>> indexes = new HashMap<>();
    private final Map<String, String> sequences = new HashMap<>();
    private final Map<String, TargetNames> constraintNames = new HashMap<>();
    private final Map<String, String> views = new LinkedHashMap<>();
    private final List<PlanNote> notes;

    private NameMapping(List<PlanNote> notes) {
        this.notes = notes;
    }

    static NameMapping of(List<Table> selected, List<PlanNote> notes) {
        return of(selected, List.of(), notes);
    }

    /** @param views the names of the source's views, which share the relation namespace with tables and indexes */
    static NameMapping of(List<Table> selected, List<String> views, List<PlanNote> notes) {
        NameMapping mapping = new NameMapping(notes);
        TargetNames relations = new TargetNames();
        for (Table table : selected) {
            mapping.tables.put(table.name(), mapping.allocate(relations, "table", table.name(), table.name()));
            TargetNames columnNames = new TargetNames();
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (Column column : table.columns()) {
                byColumn.put(column.name(), mapping.allocate(columnNames, "column", table.name() + "." + column.name(),
                        column.name()));
            }
            mapping.columns.put(table.name(), byColumn);
            mapping.constraintNames.put(table.name(), new TargetNames());
        }
        for (Table table : selected) {
            List<String> names = new ArrayList<>();
            for (Index index : table.indexes()) {
                names.add(index.constraint() ? null : mapping.allocate(relations, "index", index.name(), index.name()));
            }
            mapping.indexes.put(table.name(), names);
        }
        for (String view : views) {
            mapping.views.put(view, mapping.allocate(relations, "view", view, view));
        }
        for (Table table : selected) {
            if (!table.primaryKey().isEmpty()) {
                mapping.primaryKeys.put(table.name(), mapping.relation(relations, table, "primary key",
                        table.primaryKeyName()));
            }
            List<String> names = mapping.indexes.get(table.name());
            for (int i = 0; i < table.indexes().size(); i++) {
                if (names.get(i) == null) {
                    names.set(i, mapping.relation(relations, table, "unique constraint", table.indexes().get(i).name()));
                }
            }
            if (table.rowidAlias() != null) {
                String sequence = table.name() + "_" + table.rowidAlias() + "_seq";
                mapping.sequences.put(table.name(), mapping.allocate(relations, "sequence", sequence, sequence));
            }
        }
        return mapping;
    }

    /**
     * A key constraint's name: in the schema's relation namespace (its index) and among its table's constraints
     * (where foreign keys are; an index made by CREATE INDEX is not a constraint and may share a foreign key's name).
     */
    private String relation(TargetNames relations, Table table, String kind, String name) {
        String given = allocate(relations, kind, name, name);
        constraintNames.get(table.name()).reserve(given);
        return given;
    }

    private String allocate(TargetNames names, String kind, String shown, String name) {
        String given = names.allocate(name);
        if (!given.equals(name)) {
            notes.add(new PlanNote("name", kind + " " + shown, "renamed to " + given, TargetNames.fits(name)
                    ? "the name is already used by another object" : "longer than PostgreSQL's 63 bytes"));
        }
        return given;
    }

    String view(String sourceView) {
        return views.getOrDefault(sourceView, sourceView);
    }

    /** The names SQL on one table may use: the table's and its columns'. */
    RenamedReferences references(String sourceTable) {
        RenamedReferences references = new RenamedReferences();
        if (tables.containsKey(sourceTable)) {
            references.add(sourceTable, tables.get(sourceTable));
            columns.get(sourceTable).forEach(references::add);
        }
        return references;
    }

    /** The names a view may use: every table's and column's, and the views'. */
    RenamedReferences allReferences() {
        RenamedReferences references = new RenamedReferences();
        tables.keySet().forEach(table -> references.addAll(references(table)));
        views.forEach(references::add);
        return references;
    }

    String table(String sourceTable) {
        return tables.get(sourceTable);
    }

    String column(String sourceTable, String sourceColumn) {
        return columns.get(sourceTable).getOrDefault(sourceColumn, sourceColumn);
    }

    List<String> columns(String sourceTable, List<String> sourceColumns) {
        return sourceColumns.stream().map(c -> column(sourceTable, c)).toList();
    }

    String primaryKey(String sourceTable) {
        return primaryKeys.get(sourceTable);
    }

    String sequence(String sourceTable) {
        return sequences.get(sourceTable);
    }

    /** The table's indexes under their target names and with their columns' target names. */
    List<Index> indexes(Table table) {
        List<String> names = indexes.get(table.name());
        List<Index> renamed = new ArrayList<>();
        RenamedReferences references = references(table.name());
        for (int i = 0; i < table.indexes().size(); i++) {
            Index index = table.indexes().get(i);
            RenamedReferences.Result predicate = references.rewrite(index.predicate());
            if (predicate.problem() != null) {
                notes.add(new PlanNote("index", names.get(i), "not created", "its WHERE refers to a renamed object: "
                        + predicate.problem()));
                continue;
            }
            renamed.add(new Index(names.get(i), index.unique(), columns(table.name(), index.columns()),
                    predicate.sql(), index.constraint()));
        }
        return renamed;
    }

    /** A foreign key of the table under its target name, its columns and parent in target names. */
    ForeignKey foreignKey(Table table, ForeignKey fk, List<String> columns, String parentTable,
                          List<String> parentColumns) {
        String sourceName = fk.name() != null ? fk.name()
                : table.name() + "_" + String.join("_", fk.columns()) + "_fkey";
        String name = allocate(constraintNames.get(table.name()), "foreign key", table.name() + "." + sourceName,
                sourceName);
        return new ForeignKey(name, columns(table.name(), columns), table(parentTable),
                columns(parentTable, parentColumns), fk.onDelete(), fk.onUpdate(), fk.deferral());
    }
}
