package com.partpal.db.domain.plan;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.prisma.PrismaSchema;
import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TargetType;
import com.partpal.db.domain.value.EpochUnit;
import com.partpal.db.domain.types.TypeMapper;
import com.partpal.db.domain.value.CellConverter;
import com.partpal.db.domain.value.Converters;
import com.partpal.db.domain.value.SqliteDefaults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a discovered source schema into the migration plan: picks the tables (--tables/--exclude), chooses every
 * column's type and converter from its declaration and what the census found in it ({@link ValueChoices}), carries
 * its default, gives an INTEGER PRIMARY KEY its sequence, keeps the foreign keys PostgreSQL can create
 * ({@link ForeignKeyCheck}, on the chosen types), orders tables parents first, and names every object so that
 * PostgreSQL keeps the name ({@link NameMapping}: names are kept as the source gives them unless too long or taken).
 */
public final class PlanBuilder {
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
        PrismaOrigin origin = options.prismaSchema() != null ? PrismaOrigin.declared("--prisma-schema given")
                : PrismaOrigin.of(schema);
        Set<String> keyColumns = keyColumns(schema);
        List<String> warnings = new ArrayList<>();
        Map<String, String> columnNotes = new LinkedHashMap<>();
        List<PlanNote> notes = new ArrayList<>();
        if (options.prismaSchema() != null) {
            selected = selected.stream().map(t -> PrismaConstraintNames.named(options.prismaSchema(), t, notes)).toList();
        }
        NameMapping names = NameMapping.of(selected, schema.skipped().stream()
                .filter(s -> s.kind().equals("view") && s.tried()).map(s -> s.name()).toList(), notes);
        Map<String, List<ValueChoices.Choice>> choices = new HashMap<>();
        Map<String, List<ColumnType>> types = new HashMap<>();
        for (Table table : selected) {
            if (options.prismaSchema() != null && options.prismaSchema().modelForTable(table.name()).isEmpty()) {
                warnings.add(table.name() + ": no model of --prisma-schema is stored in it; its columns are typed from"
                        + " their SQLite declarations");
            }
            List<ValueChoices.Choice> tableChoices = table.columns().stream().map(column -> {
                String key = key(table.name(), column.name());
                ColumnType mapped = PrismaColumnTypes.field(options.prismaSchema(), table.name(), column.name())
                        .flatMap(field -> PrismaColumnTypes.type(options.prismaSchema(), key, field, warnings))
                        .orElse(null);
                if (mapped != null && mapped.kind() != TargetType.TIMESTAMP && mapped.kind() != TargetType.DATE) {
                    return new ValueChoices.Choice(mapped, EpochUnit.THRESHOLD); // Prisma's type, whatever the values
                }
                return ValueChoices.choose(key, column, mapped != null ? mapped : TypeMapper.map(table.name(), column,
                                options.jsonColumns().contains(key), facts.outside32Bit(key)), keyColumns.contains(key),
                        origin, options.epochUnits(), facts, columnNotes, warnings);
            }).toList();
            choices.put(table.name(), tableChoices);
            types.put(table.name(), tableChoices.stream().map(ValueChoices.Choice::type).toList());
        }
        ForeignKeyCheck foreignKeys = new ForeignKeyCheck(schema.tables(),
                selected.stream().map(Table::name).collect(Collectors.toSet()), types, warnings, notes);
        Map<String, List<ForeignKey>> kept = new HashMap<>();
        selected.forEach(table -> kept.put(table.name(), foreignKeys.creatable(table, names)));
        List<TargetTable> targets = new ArrayList<>(selected.size());
        for (Table table : LoadOrder.of(selected)) {
            targets.add(target(table, choices.get(table.name()), names, kept.get(table.name()), warnings, notes,
                    options.prismaSchema()));
        }
        return new MigrationPlan(targets, TriedObjectNames.of(schema.skipped(), selected, names, notes), warnings,
                origin, columnNotes, notes);
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

    private static TargetTable target(Table table, List<ValueChoices.Choice> choices, NameMapping names,
                                      List<ForeignKey> foreignKeys, List<String> warnings, List<PlanNote> notes,
                                      PrismaSchema prisma) {
        List<TargetColumn> columns = new ArrayList<>(table.columns().size());
        List<CellConverter> converters = new ArrayList<>(table.columns().size());
        SequencePlan sequence = null;
        for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.columns().get(i);
            ValueChoices.Choice choice = choices.get(i);
            ColumnType type = choice.type();
            CellConverter converter = Converters.forColumn(type, choice.unit());
            String name = names.column(table.name(), column.name());
            boolean serial = column.name().equals(table.rowidAlias());
            String defaultSql = null;
            if (serial) {
                sequence = new SequencePlan(name, names.sequence(table.name()), table.sequenceValue());
            } else {
                SqliteDefaults.Translation translation = SqliteDefaults.translate(column.defaultSql(), type, converter);
                defaultSql = PrismaColumnTypes.field(prisma, table.name(), column.name())
                        .map(field -> PrismaColumnTypes.defaultSql(field, translation.sql())).orElse(translation.sql());
                if (translation.warning() != null) {
                    warnings.add(key(table.name(), column.name()) + ": " + translation.warning()
                            + "; the column gets no default");
                }
            }
            columns.add(new TargetColumn(name, type, column.notNull(), defaultSql, serial,
                    Collations.of(table.name(), column, type, notes)));
            converters.add(converter);
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

    private static String key(String table, String column) {
        return table + "." + column;
    }
}
