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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
        return build(schema, options, ValueFacts.outside32Bit(outside32BitColumns));
    }

    /** @param facts what the census found in the columns whose plan depends on their values */
    public static MigrationPlan build(SourceSchema schema, PlanOptions options, ValueFacts facts) {
        checkJsonColumns(schema, options.jsonColumns());
        checkEpochUnits(schema, options);
        List<Table> selected = select(schema, options);
        Set<String> selectedNames = selected.stream().map(Table::name).collect(Collectors.toSet());
        PrismaOrigin origin = PrismaOrigin.of(schema);
        Set<String> keyColumns = keyColumns(schema);
        List<String> warnings = new ArrayList<>();
        Map<String, String> notes = new LinkedHashMap<>();
        List<TargetTable> targets = new ArrayList<>(selected.size());
        for (Table table : LoadOrder.of(selected)) {
            targets.add(target(table, options, facts, origin, keyColumns, selectedNames, notes, warnings));
        }
        return new MigrationPlan(targets, schema.skipped(), warnings, origin, notes);
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

    private static TargetTable target(Table table, PlanOptions options, ValueFacts facts, PrismaOrigin origin,
                                      Set<String> keyColumns, Set<String> selectedNames, Map<String, String> notes,
                                      List<String> warnings) {
        checkName("table", table.name(), table.name());
        List<TargetColumn> columns = new ArrayList<>(table.columns().size());
        List<CellConverter> converters = new ArrayList<>(table.columns().size());
        SequencePlan sequence = null;
        for (Column column : table.columns()) {
            String key = key(table.name(), column.name());
            checkName("column", key, column.name());
            ValueChoices.Choice choice = ValueChoices.choose(key, column, TypeMapper.map(table.name(), column,
                    options.jsonColumns().contains(key), facts.outside32Bit(key)), keyColumns.contains(key), origin,
                    options.epochUnits(), facts, notes, warnings);
            ColumnType type = choice.type();
            CellConverter converter = Converters.forColumn(type, choice.unit());
            boolean serial = column.name().equals(table.rowidAlias());
            String defaultSql = null;
            if (serial) {
                String sequenceName = table.name() + "_" + column.name() + "_seq";
                checkName("sequence", sequenceName, sequenceName);
                sequence = new SequencePlan(column.name(), sequenceName, table.sequenceValue());
            } else {
                SqliteDefaults.Translation translation = SqliteDefaults.translate(column.defaultSql(), type, converter);
                defaultSql = translation.sql();
                if (translation.warning() != null) {
                    warnings.add(key + ": " + translation.warning() + "; the column gets no default");
                }
            }
            columns.add(new TargetColumn(column.name(), type, column.notNull(), defaultSql, serial));
            converters.add(converter);
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

    /** "table.column" of every column in a primary key, a unique index or a foreign key (child or parent end). */
    private static Set<String> keyColumns(SourceSchema schema) {
        Set<String> keys = new HashSet<>();
        for (Table table : schema.tables()) {
            table.primaryKey().forEach(c -> keys.add(key(table.name(), c)));
            table.indexes().stream().filter(Index::unique)
                    .forEach(i -> i.columns().forEach(c -> keys.add(key(table.name(), c))));
            for (ForeignKey fk : table.foreignKeys()) {
                fk.columns().forEach(c -> keys.add(key(table.name(), c)));
                fk.parentColumns().forEach(c -> keys.add(key(fk.parentTable(), c)));
            }
        }
        return keys;
    }

    /** --epoch-unit names existing timestamp or date columns only. */
    private static void checkEpochUnits(SourceSchema schema, PlanOptions options) {
        for (String key : options.epochUnits().keySet()) {
            int dot = key.indexOf('.');
            boolean dateTime = dot > 0 && schema.table(key.substring(0, dot))
                    .flatMap(t -> t.column(key.substring(dot + 1)))
                    .map(TypeMapper::isDateTime).orElse(false);
            if (!dateTime) {
                throw new BadInputException("--epoch-unit " + key + ": not a date/time column (write table.column=s|ms"
                        + " for a column declared DATETIME, TIMESTAMP or DATE)");
            }
        }
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
