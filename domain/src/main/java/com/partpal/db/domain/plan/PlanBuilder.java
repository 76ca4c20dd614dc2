package com.partpal.db.domain.plan;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TypeMapper;
import com.partpal.db.domain.value.CellConverter;
import com.partpal.db.domain.value.Converters;
import com.partpal.db.domain.value.SqliteDefaults;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a discovered source schema into the migration plan: picks the tables (--tables/--exclude), maps every column
 * (type, converter, default), gives an INTEGER PRIMARY KEY its sequence, drops foreign keys to tables that are not
 * migrated (with a warning), orders tables parents first, and refuses names PostgreSQL would truncate.
 * Names of tables, columns, keys and indexes are kept exactly as the source gives them.
 */
public final class PlanBuilder {
    /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated, so they are refused up front. */
    static final int MAX_NAME_BYTES = 63;

    private PlanBuilder() {
    }

    /**
     * @param outside32BitColumns "table.column" of integer columns the census found values outside 32 bits in
     */
    public static MigrationPlan build(SourceSchema schema, PlanOptions options, Set<String> outside32BitColumns) {
        checkJsonColumns(schema, options.jsonColumns());
        List<Table> selected = select(schema, options);
        Set<String> selectedNames = selected.stream().map(Table::name).collect(Collectors.toSet());
        List<String> warnings = new ArrayList<>();
        List<TargetTable> targets = new ArrayList<>(selected.size());
        for (Table table : LoadOrder.of(selected)) {
            targets.add(target(table, options.jsonColumns(), outside32BitColumns, selectedNames, warnings));
        }
        return new MigrationPlan(targets, schema.skipped(), warnings);
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

    private static TargetTable target(Table table, Set<String> jsonColumns, Set<String> outside32BitColumns,
                                      Set<String> selectedNames, List<String> warnings) {
        checkName("table", table.name(), table.name());
        List<TargetColumn> columns = new ArrayList<>(table.columns().size());
        List<CellConverter> converters = new ArrayList<>(table.columns().size());
        SequencePlan sequence = null;
        for (Column column : table.columns()) {
            String key = key(table.name(), column.name());
            checkName("column", key, column.name());
            ColumnType type = TypeMapper.map(table.name(), column, jsonColumns.contains(key),
                    outside32BitColumns.contains(key));
            boolean serial = column.name().equals(table.rowidAlias());
            String defaultSql = null;
            if (serial) {
                String sequenceName = table.name() + "_" + column.name() + "_seq";
                checkName("sequence", sequenceName, sequenceName);
                sequence = new SequencePlan(column.name(), sequenceName, table.sequenceValue());
            } else {
                SqliteDefaults.Translation translation = SqliteDefaults.translate(column.defaultSql(), type);
                defaultSql = translation.sql();
                if (translation.warning() != null) {
                    warnings.add(key + ": " + translation.warning() + "; the column gets no default");
                }
            }
            columns.add(new TargetColumn(column.name(), type, column.notNull(), defaultSql, serial));
            converters.add(Converters.forType(type));
        }
        if (!table.primaryKey().isEmpty()) {
            checkName("primary key", table.primaryKeyName(), table.primaryKeyName());
        }
        for (Index index : table.indexes()) {
            checkName("index", index.name(), index.name());
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            if (!selectedNames.contains(fk.parentTable())) {
                warnings.add(table.name() + ": foreign key " + describe(fk) + " is dropped: its parent table "
                        + fk.parentTable() + " is not migrated");
                continue;
            }
            if (fk.name() != null) {
                checkName("foreign key", fk.name(), fk.name());
            }
            foreignKeys.add(fk);
        }
        return new TargetTable(table, table.name(), columns, converters, table.primaryKey(), table.primaryKeyName(),
                table.indexes(), foreignKeys, sequence);
    }

    private static String describe(ForeignKey fk) {
        return (fk.name() == null ? "" : fk.name() + " ") + "(" + String.join(", ", fk.columns()) + ")";
    }

    private static void checkName(String kind, String shown, String name) {
        if (name == null) {
            return;
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new BadInputException(kind + " name " + shown + " is " + bytes + " bytes long; PostgreSQL allows "
                    + MAX_NAME_BYTES + " (rename it in the source first)");
        }
    }

    private static String key(String table, String column) {
        return table + "." + column;
    }
}
