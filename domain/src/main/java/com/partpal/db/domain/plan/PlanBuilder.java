package com.partpal.db.domain.plan;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TypeMapper;
import com.partpal.db.domain.value.CellConverter;
import com.partpal.db.domain.value.Converters;
import com.partpal.db.domain.value.SqliteDefaults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a discovered source schema into the migration plan: picks the tables (--tables/--exclude), maps every column
 * (type, converter, default), gives an INTEGER PRIMARY KEY its sequence, keeps the foreign keys PostgreSQL can
 * create ({@link ForeignKeyCheck}), orders tables parents first, and names every object so that PostgreSQL keeps
 * the name ({@link NameMapping}: names are kept as the source gives them unless too long or taken).
 */
public final class PlanBuilder {
    private PlanBuilder() {
    }

    /**
     * @param outside32BitColumns "table.column" of integer columns the census found values outside 32 bits in
     */
    public static MigrationPlan build(SourceSchema schema, PlanOptions options, Set<String> outside32BitColumns) {
        checkJsonColumns(schema, options.jsonColumns());
        List<Table> selected = select(schema, options);
        List<String> warnings = new ArrayList<>();
        List<PlanNote> notes = new ArrayList<>();
        NameMapping names = NameMapping.of(selected, notes);
        Map<String, List<ColumnType>> types = new HashMap<>();
        for (Table table : selected) {
            types.put(table.name(), table.columns().stream().map(column -> TypeMapper.map(table.name(), column,
                    options.jsonColumns().contains(key(table.name(), column.name())),
                    outside32BitColumns.contains(key(table.name(), column.name())))).toList());
        }
        ForeignKeyCheck foreignKeys = new ForeignKeyCheck(schema.tables(),
                selected.stream().map(Table::name).collect(Collectors.toSet()), types, warnings, notes);
        Map<String, List<ForeignKey>> kept = new HashMap<>();
        selected.forEach(table -> kept.put(table.name(), foreignKeys.creatable(table, names)));
        List<TargetTable> targets = new ArrayList<>(selected.size());
        for (Table table : LoadOrder.of(selected)) {
            targets.add(target(table, types.get(table.name()), names, kept.get(table.name()), warnings, notes));
        }
        return new MigrationPlan(targets, schema.skipped(), warnings, notes);
    }
    private static List<Table> select(SourceSchema schema, PlanOptions options) {
        List<String> known = schema.tables().stream().map(Table::name).toList();
        checkKnown("--tables", options.includeTables(), known);
        checkKnown("--exclude", options.excludeTables(), known);
        Set<String> excluded = Set.copyOf(options.excludeTables());
        return schema.tables().stream()
                .filter(t -> options.includeTables().isEmpty() || options.includeTables().contains(t.name()))
                .filter(t -> !excluded.contains(t.name()))
                .toList();
    }

    private static void checkKnown(String option, List<String> names, List<String> known) {
        Set<String> unknown = new LinkedHashSet<>(names);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new BadInputException("unknown table" + (unknown.size() > 1 ? "s" : "") + " in " + option + ": "
                    + String.join(", ", unknown) + " (tables: " + String.join(", ", known) + ")");
        }
    }

    private static void checkJsonColumns(SourceSchema schema, Set<String> jsonColumns) {
        Set<String> known = new LinkedHashSet<>();
        schema.tables().forEach(t -> t.columns().forEach(c -> known.add(key(t.name(), c.name()))));
        List<String> unknown = jsonColumns.stream().filter(c -> !known.contains(c)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new BadInputException("unknown column" + (unknown.size() > 1 ? "s" : "") + " in --json-columns: "
                    + String.join(", ", unknown) + " (write them as table.column)");
        }
    }

    private static TargetTable target(Table table, List<ColumnType> types, NameMapping names,
                                      List<ForeignKey> foreignKeys, List<String> warnings, List<PlanNote> notes) {
        List<TargetColumn> columns = new ArrayList<>(table.columns().size());
        List<CellConverter> converters = new ArrayList<>(table.columns().size());
        SequencePlan sequence = null;
        for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.columns().get(i);
            ColumnType type = types.get(i);
            String name = names.column(table.name(), column.name());
            boolean serial = column.name().equals(table.rowidAlias());
            String defaultSql = null;
            if (serial) {
                sequence = new SequencePlan(name, names.sequence(table.name()), table.sequenceValue());
            } else {
                SqliteDefaults.Translation translation = SqliteDefaults.translate(column.defaultSql(), type);
                defaultSql = translation.sql();
                if (translation.warning() != null) {
                    warnings.add(key(table.name(), column.name()) + ": " + translation.warning()
                            + "; the column gets no default");
                }
            }
            columns.add(new TargetColumn(name, type, column.notNull(), defaultSql, serial,
                    Collations.of(table.name(), column, type, notes)));
            converters.add(Converters.forType(type));
        }
        if (table.rowidAlias() == null && !table.withoutRowid() && table.primaryKey().stream()
                .anyMatch(pk -> table.column(pk).map(c -> !c.notNull()).orElse(false))) {
            notes.add(new PlanNote("primary key", table.name() + " (" + String.join(", ", table.primaryKey()) + ")",
                    "rows with a NULL in it are rejected", "SQLite allows NULL in this key, PostgreSQL does not"));
        }
        return new TargetTable(table, names.table(table.name()), columns, converters,
                names.columns(table.name(), table.primaryKey()), names.primaryKey(table.name()), names.indexes(table),
                foreignKeys, sequence);
    }

    private static String key(String table, String column) {
        return table + "." + column;
    }
}
