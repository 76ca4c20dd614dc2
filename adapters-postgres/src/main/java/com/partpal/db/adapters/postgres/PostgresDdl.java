package com.partpal.db.adapters.postgres;

import com.partpal.db.application.port.DuplicateKey;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.plan.Collations;
import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.SequencePlan;
import com.partpal.db.domain.plan.TargetColumn;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.types.ColumnType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL that creates a plan's objects in one target schema. Tables are created bare; keys are built as unique
 * indexes (in parallel) and then attached as constraints, foreign keys are added NOT VALID and validated afterwards,
 * so that the slow parts run concurrently without lock conflicts.
 */
public final class PostgresDdl {
    /**
     * Bookkeeping column on tables with keys or foreign keys: the source rowid, so that rows removed as duplicate
     * keys or orphans can be named; dropped in finish.
     */
    public static final String ROWID = "_partpal_rowid";
    private static final int MAX_NAME_BYTES = 63;
    private static final Set<String> ACTIONS = Set.of("NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT");

    private final String schema;

    public PostgresDdl(String schema) {
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }

    /** Names PostgreSQL would truncate are refused before anything is created. */
    public void checkNames(MigrationPlan plan) {
        List<String> tooLong = new ArrayList<>();
        for (TargetTable table : plan.tables()) {
            List<String> names = new ArrayList<>(List.of(table.name()));
            table.columns().forEach(column -> names.add(column.name()));
            names.add(table.primaryKeyName());
            table.indexes().forEach(index -> names.add(index.name()));
            table.foreignKeys().forEach(fk -> names.add(fk.name()));
            if (table.sequence() != null) {
                names.add(table.sequence().sequenceName());
            }
            names.stream().filter(name -> name != null && name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES)
                    .map(Sql::identifier).forEach(tooLong::add);
        }
        if (!tooLong.isEmpty()) {
            throw new BadInputException("names longer than PostgreSQL's 63 bytes: " + String.join(", ", tooLong));
        }
    }

    /** Whether the table carries the {@value #ROWID} column during the load. */
    public static boolean carriesRowid(TargetTable table) {
        return table.hasForeignKeys() || !table.primaryKey().isEmpty() || table.indexes().stream().anyMatch(Index::unique);
    }

    public String table(TargetTable table) {
        return Sql.qualified(schema, table.name());
    }

    public String createSchema() {
        return "CREATE SCHEMA IF NOT EXISTS " + Sql.identifier(schema);
    }

    /** CREATE COLLATION for the collations the plan's columns use that migrate defines (see Collations). */
    public List<String> createCollations(MigrationPlan plan) {
        boolean nocase = plan.tables().stream().flatMap(t -> t.columns().stream())
                .anyMatch(c -> Collations.NOCASE.equals(c.collation()));
        return nocase ? List.of("CREATE COLLATION IF NOT EXISTS " + collation(Collations.NOCASE) + " "
                + Collations.NOCASE_DEFINITION) : List.of();
    }

    /** CREATE TYPE ... AS ENUM for each enum type the plan's columns use (--prisma-schema), by name. */
    public Map<String, String> createEnums(MigrationPlan plan) {
        Map<String, String> statements = new java.util.LinkedHashMap<>();
        plan.tables().stream().flatMap(t -> t.columns().stream()).map(TargetColumn::type).filter(ColumnType::isEnum)
                .forEach(type -> statements.putIfAbsent(type.declared(), "CREATE TYPE " + Sql.qualified(schema,
                        type.declared()) + " AS ENUM (" + type.enumValues().stream().map(Sql::literal)
                        .collect(Collectors.joining(", ")) + ")"));
        return statements;
    }

    /** The column type as this schema's DDL writes it (an enum type qualified by the schema). */
    public String typeSql(ColumnType type) {
        return type.isEnum() ? Sql.qualified(schema, type.declared()) : type.sql();
    }

    public String collation(String name) {
        return Sql.qualified(schema, name);
    }

    /** The sequence (if any), the table, and the sequence's ownership. */
    public List<String> createTable(TargetTable table, boolean withRowid) {
        return createTable(table, withRowid, Map.of());
    }

    /**
     * Like {@link #createTable(TargetTable, boolean)}, with the given columns generated (column name -> its
     * GENERATED ALWAYS AS (...) STORED clause) and for each a helper column that receives the copied values.
     */
    public List<String> createTable(TargetTable table, boolean withRowid, Map<String, String> generated) {
        List<String> statements = new ArrayList<>();
        SequencePlan sequence = table.sequence();
        if (sequence != null) {
            String type = columnType(table, sequence.column());
            statements.add("CREATE SEQUENCE IF NOT EXISTS " + Sql.qualified(schema, sequence.sequenceName())
                    + " AS " + (type.equals("bigint") ? "bigint" : "integer"));
        }
        List<String> columns = new ArrayList<>();
        for (TargetColumn column : table.columns()) {
            StringBuilder sql = new StringBuilder("    ").append(Sql.identifier(column.name())).append(' ')
                    .append(typeSql(column.type()));
            if (column.collation() != null) {
                sql.append(" COLLATE ").append(collation(column.collation()));
            }
            if (column.notNull()) {
                sql.append(" NOT NULL");
            }
            if (sequence != null && sequence.column().equals(column.name())) {
                sql.append(" DEFAULT nextval(").append(Sql.literal(Sql.qualified(schema, sequence.sequenceName())))
                        .append("::regclass)");
            } else if (generated.containsKey(column.name())) {
                sql.append(' ').append(generated.get(column.name()));
            } else if (column.defaultSql() != null) {
                sql.append(" DEFAULT ").append(column.defaultSql());
            }
            columns.add(sql.toString());
        }
        for (TargetColumn column : table.columns()) {
            if (generated.containsKey(column.name())) {
                columns.add("    " + Sql.identifier(GeneratedColumns.helper(table, column.name())) + " "
                        + typeSql(column.type()));
            }
        }
        if (withRowid) {
            columns.add("    " + Sql.identifier(ROWID) + " bigint");
        }
        statements.add("CREATE TABLE IF NOT EXISTS " + table(table) + " (\n" + String.join(",\n", columns) + "\n)");
        if (sequence != null) {
            statements.add("ALTER SEQUENCE " + Sql.qualified(schema, sequence.sequenceName()) + " OWNED BY "
                    + table(table) + "." + Sql.identifier(sequence.column()));
        }
        return statements;
    }

    private static String columnType(TargetTable table, String columnName) {
        return table.columns().stream().filter(c -> c.name().equals(columnName)).findFirst()
                .map(c -> c.type().sql()).orElseThrow(() -> new IllegalArgumentException(
                        "sequence column " + columnName + " is not a column of " + table.name()));
    }

    /** The indexes behind the primary key and the unique indexes/constraints; they can be built in parallel. */
    public List<String> keyIndexes(TargetTable table) {
        return keys(table).stream().map(index -> createIndex(table, index)).toList();
    }

    /** The columns and predicate of each key index, in {@link #keyIndexes} order. */
    public List<Index> keys(TargetTable table) {
        List<Index> keys = new ArrayList<>();
        if (!table.primaryKey().isEmpty()) {
            keys.add(new Index(table.primaryKeyName(), true, table.primaryKey(), null, true));
        }
        table.indexes().stream().filter(Index::unique).forEach(keys::add);
        return keys;
    }

    /**
     * Deletes the rows whose key (all columns non-NULL, within the partial index's predicate) equals that of a row
     * with a lower rowid, returning (rowid, kept rowid, the key as PostgreSQL prints it).
     */
    public String deleteDuplicates(TargetTable table, Index key) {
        String columns = Sql.identifiers(key.columns());
        String notNull = key.columns().stream().map(c -> Sql.identifier(c) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        String value = key.columns().stream().map(c -> "coalesce(" + Sql.identifier(c) + "::text, 'null')")
                .collect(Collectors.joining(" || ', ' || "));
        String rowid = Sql.identifier(ROWID);
        return "DELETE FROM " + table(table) + " AS d USING (SELECT " + rowid + " AS r, first_value(" + rowid
                + ") OVER w AS kept, row_number() OVER w AS n, " + value + " AS v FROM " + table(table) + " WHERE "
                + notNull + (key.predicate() == null ? "" : " AND (" + key.predicate() + ")")
                + " WINDOW w AS (PARTITION BY " + columns + " ORDER BY " + rowid + ")) AS x WHERE x.n > 1 AND d."
                + rowid + " = x.r RETURNING x.r, x.kept, x.v";
    }

    /**
     * Deletes the rows with a NULL in a primary key column the source allows NULL in, returning (rowid, -1, NULL); null
     * when every primary key column is declared NOT NULL (nothing to delete).
     */
    public String deleteNullKeys(TargetTable table) {
        if (table.sequence() != null || table.source().withoutRowid()) {
            return null; // the rowid itself, or a table SQLite keeps NULL out of
        }
        List<String> nullable = table.columns().stream().filter(c -> table.primaryKey().contains(c.name())
                && !c.notNull()).map(c -> Sql.identifier(c.name()) + " IS NULL").toList();
        if (nullable.isEmpty()) {
            return null;
        }
        // the shape of deleteDuplicates (r, kept, v), so that a run's state records these removals the same way
        return "DELETE FROM " + table(table) + " WHERE " + String.join(" OR ", nullable) + " RETURNING "
                + Sql.identifier(ROWID) + " AS r, " + DuplicateKey.NULL_KEY + "::bigint AS kept, NULL::text AS v";
    }

    /** Turns the key indexes into the PRIMARY KEY and UNIQUE constraints (quick: no rebuild). */
    public List<String> keyConstraints(TargetTable table) {
        List<String> statements = new ArrayList<>();
        if (!table.primaryKey().isEmpty()) {
            statements.add(addConstraint(table, table.primaryKeyName(), "PRIMARY KEY USING INDEX "
                    + Sql.identifier(table.primaryKeyName())));
        }
        table.indexes().stream().filter(index -> index.unique() && index.constraint() && index.predicate() == null)
                .map(index -> addConstraint(table, index.name(), "UNIQUE USING INDEX " + Sql.identifier(index.name())))
                .forEach(statements::add);
        return statements;
    }

    /** The names of the constraints {@link #keyConstraints} creates. */
    public List<String> keyConstraintNames(TargetTable table) {
        List<String> names = new ArrayList<>();
        if (!table.primaryKey().isEmpty()) {
            names.add(table.primaryKeyName());
        }
        table.indexes().stream().filter(index -> index.unique() && index.constraint() && index.predicate() == null)
                .map(Index::name).forEach(names::add);
        return names;
    }

    public List<String> plainIndexes(TargetTable table) {
        return table.indexes().stream().filter(index -> !index.unique()).map(index -> createIndex(table, index)).toList();
    }

    public String createIndex(TargetTable table, Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + Sql.identifier(index.name())
                + " ON " + table(table) + " (" + Sql.identifiers(index.columns()) + ")"
                + (index.predicate() == null ? "" : " WHERE " + index.predicate());
    }

    private String addConstraint(TargetTable table, String name, String definition) {
        return "ALTER TABLE " + table(table) + " ADD CONSTRAINT " + Sql.identifier(name) + " " + definition;
    }

    /** Adds a foreign key without checking existing rows (instant); {@link #validateForeignKey} checks them. */
    public String addForeignKey(MigrationPlan plan, TargetTable table, ForeignKey fk) {
        return addConstraint(table, fk.name(), "FOREIGN KEY (" + Sql.identifiers(fk.columns()) + ") REFERENCES "
                + Sql.qualified(schema, fk.parentTable()) + " (" + Sql.identifiers(parentColumns(plan, fk)) + ")"
                + action("ON DELETE", fk.onDelete()) + action("ON UPDATE", fk.onUpdate())
                + (fk.deferral() == null ? "" : " " + fk.deferral()) + " NOT VALID");
    }

    public String validateForeignKey(TargetTable table, ForeignKey fk) {
        return "ALTER TABLE " + table(table) + " VALIDATE CONSTRAINT " + Sql.identifier(fk.name());
    }

    /** The parent's columns: as declared, or its primary key when the source names none. */
    static List<String> parentColumns(MigrationPlan plan, ForeignKey fk) {
        if (!fk.parentColumns().isEmpty()) {
            return fk.parentColumns();
        }
        return plan.table(fk.parentTable()).map(TargetTable::primaryKey).filter(pk -> !pk.isEmpty())
                .orElseThrow(() -> new BadInputException("foreign key " + Sql.identifier(fk.name())
                        + " names no parent columns and " + Sql.identifier(fk.parentTable()) + " has no primary key"));
    }

    private static String action(String clause, String action) {
        if (action == null || action.isBlank()) {
            return "";
        }
        String normalized = action.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (!ACTIONS.contains(normalized)) {
            throw new BadInputException("unsupported foreign key action " + clause + " " + action);
        }
        return " " + clause + " " + normalized;
    }

    /**
     * Deletes the rows whose foreign key (all columns non-NULL: MATCH SIMPLE) finds no parent, returning their
     * rowids. Aliases keep a self-reference unambiguous.
     */
    public String deleteOrphans(MigrationPlan plan, TargetTable table, ForeignKey fk) {
        List<String> parentColumns = parentColumns(plan, fk);
        List<String> notNull = new ArrayList<>();
        List<String> matches = new ArrayList<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            String child = "c." + Sql.identifier(fk.columns().get(i));
            notNull.add(child + " IS NOT NULL");
            matches.add("p." + Sql.identifier(parentColumns.get(i)) + " = " + child);
        }
        return "DELETE FROM " + table(table) + " AS c WHERE " + String.join(" AND ", notNull)
                + " AND NOT EXISTS (SELECT 1 FROM " + Sql.qualified(schema, fk.parentTable()) + " AS p WHERE "
                + String.join(" AND ", matches) + ") RETURNING c." + Sql.identifier(ROWID);
    }

    /**
     * Sets the sequence so that nextval gives max(max(id), the highest source key) + 1 (1 for an empty table): above
     * the keys of rejected rows too, so that inserting them later cannot collide with a new row.
     */
    public String setSequence(TargetTable table) {
        SequencePlan sequence = table.sequence();
        long sqliteSequence = sequence.highestSourceKey() == null ? 0 : sequence.highestSourceKey();
        return "SELECT setval(" + Sql.literal(Sql.qualified(schema, sequence.sequenceName()))
                + ", GREATEST(m, 1), m >= 1) FROM (SELECT GREATEST(COALESCE(MAX(" + Sql.identifier(sequence.column())
                + "), 0), " + sqliteSequence + ") AS m FROM " + table(table) + ") AS current_max";
    }

    public String dropRowid(TargetTable table) {
        return "ALTER TABLE " + table(table) + " DROP COLUMN IF EXISTS " + Sql.identifier(ROWID);
    }

    public String analyze(TargetTable table) {
        return "ANALYZE " + table(table);
    }

    /** COPY ... FROM STDIN (binary format, FREEZE: see {@link #truncateForLoad}) naming every column, plus the rowid when kept. */
    public String copy(TargetTable table, boolean withRowid) {
        return copy(table, withRowid, true);
    }

    /** Like {@link #copy(TargetTable, boolean)}; without FREEZE for a batch after the transaction that emptied the table. */
    public String copy(TargetTable table, boolean withRowid, boolean freeze) {
        return copy(table, withRowid, freeze, Set.of());
    }

    /** Like {@link #copy(TargetTable, boolean, boolean)}; the values of generated columns go to their helpers. */
    public String copy(TargetTable table, boolean withRowid, boolean freeze, Set<String> generated) {
        List<String> columns = new ArrayList<>(table.columns().stream().map(TargetColumn::name)
                .map(c -> generated.contains(c) ? GeneratedColumns.helper(table, c) : c).toList());
        if (withRowid) {
            columns.add(ROWID);
        }
        return "COPY " + table(table) + " (" + Sql.identifiers(columns) + ") FROM STDIN WITH (FORMAT binary" + (freeze ? ", FREEZE)" : ")");
    }

    /**
     * Emptying the table in the load's own transaction gives it a new file, which lets COPY FREEZE write rows
     * already frozen (no hint-bit rewrite when the indexes are built) and, with wal_level=minimal, skip the WAL.
     */
    public String truncateForLoad(TargetTable table) {
        return "TRUNCATE TABLE " + table(table);
    }

    /** The whole script, in the order a migration runs it (without load bookkeeping). */
    public String script(MigrationPlan plan) {
        StringBuilder script = new StringBuilder("-- partpal-db migration into schema ").append(Sql.identifier(schema))
                .append('\n');
        append(script, "", List.of(createSchema()));
        append(script, "", createCollations(plan));
        append(script, "", List.copyOf(createEnums(plan).values()));
        for (TargetTable table : plan.tables()) {
            append(script, "\n-- table " + table.name(), createTable(table, false));
        }
        append(script, "\n-- generated columns: recreated so when PostgreSQL accepts the expression and computes the"
                + " source's values (else plain columns holding the copied values)", plan.tables().stream()
                .flatMap(t -> GeneratedColumns.candidates(plan, t).entrySet().stream()
                        .map(g -> "-- " + table(t) + "." + Sql.identifier(g.getKey()) + " " + g.getValue())).toList());
        append(script, "\n-- after the data is loaded: primary keys and unique indexes",
                plan.tables().stream().flatMap(t -> keyIndexes(t).stream()).toList());
        append(script, "", plan.tables().stream().flatMap(t -> keyConstraints(t).stream()).toList());
        append(script, "\n-- indexes", plan.tables().stream().flatMap(t -> plainIndexes(t).stream()).toList());
        append(script, "\n-- foreign keys", plan.tables().stream().flatMap(t -> t.foreignKeys().stream()
                .flatMap(fk -> List.of(addForeignKey(plan, t, fk), validateForeignKey(t, fk)).stream())).toList());
        append(script, "\n-- sequences: next value = max(max(id), highest source key incl. rejected rows) + 1", plan.tables().stream()
                .filter(t -> t.sequence() != null).map(this::setSequence).toList());
        append(script, "\n-- statistics", plan.tables().stream().map(this::analyze).toList());
        return script.toString();
    }

    private static void append(StringBuilder script, String comment, List<String> statements) {
        if (statements.isEmpty()) {
            return;
        }
        if (!comment.isEmpty()) {
            script.append(comment).append('\n');
        }
        script.append(statements.stream().map(s -> s + ";\n").collect(Collectors.joining()));
    }
}
