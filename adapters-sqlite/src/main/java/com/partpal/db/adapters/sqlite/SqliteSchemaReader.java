package com.partpal.db.adapters.sqlite;

import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.SkippedObject;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Discovers the tables to copy from sqlite_schema and the PRAGMAs, and everything that will not be copied.
 *
 * <p>Generated columns (PRAGMA table_xinfo hidden 2 or 3) are read like plain columns, so their computed values are
 * read and loaded; each is listed as a tried "generated column" (table.column) whose target SQL is the column's
 * GENERATED ALWAYS AS (...) STORED clause, which the target recreates when PostgreSQL accepts it.
 * Hidden columns of virtual tables never occur, since virtual tables are skipped.
 */
final class SqliteSchemaReader {
    private static final String PRISMA_MIGRATIONS = "_prisma_migrations";
    private static final String TRIED = "created on PostgreSQL after the load if its SQL runs there; the report says whether it did";

    private static final String GENERATED_TRIED = "recreated as GENERATED ALWAYS AS (...) STORED when PostgreSQL"
            + " accepts the expression and computes the source's value in every row; else a plain column holding the"
            + " copied values; the report says which";

    private record SchemaEntry(String type, String name, String table, String sql) {
    }

    private record IndexInfo(boolean unique, String origin) {
    }

    private final Connection connection;
    private final List<SkippedObject> skipped = new ArrayList<>();

    SqliteSchemaReader(Connection connection) {
        this.connection = connection;
    }

    SourceSchema read() throws SQLException {
        List<SchemaEntry> entries = schemaEntries();
        Set<String> shadowTables = shadowTables();
        Map<String, Long> sequences = sequences(entries);
        List<Table> tables = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (SchemaEntry entry : entries) {
            switch (entry.type()) {
                case "table" -> {
                    String reason = skipReason(entry, shadowTables);
                    if (reason != null) {
                        skipped.add(new SkippedObject("table", entry.name(), reason,
                                reason.startsWith("virtual") ? entry.sql() : null));
                    } else {
                        Table table = table(entry, entries, sequences.get(entry.name()));
                        tables.add(table);
                        names.putIfAbsent(table.name().toLowerCase(Locale.ROOT), table.name());
                        table.columns().forEach(c -> names.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c.name()));
                    }
                }
                case "view" -> {
                    String query = PortableSql.viewQuery(entry.sql(), names);
                    skipped.add(new SkippedObject("view", entry.name(), query == null
                            ? "not copied: a view with a column list" : TRIED, entry.sql(), query));
                }
                case "trigger" -> skipped.add(new SkippedObject("trigger", entry.name(), "triggers are not copied", entry.sql()));
                default -> {
                }
            }
        }
        return new SourceSchema(tables, skipped);
    }

    private static String skipReason(SchemaEntry entry, Set<String> shadowTables) {
        String lower = entry.name().toLowerCase(Locale.ROOT);
        if (lower.startsWith("sqlite_")) {
            return "SQLite internal table";
        }
        if (lower.equals(PRISMA_MIGRATIONS)) {
            return "Prisma migration history: baseline the migrations on the target instead";
        }
        if (entry.sql() != null && entry.sql().regionMatches(true, 0, "CREATE VIRTUAL", 0, 14)) {
            return "virtual table: not copied";
        }
        if (shadowTables.contains(lower)) {
            return "shadow table of a virtual table";
        }
        return null;
    }

    private Table table(SchemaEntry entry, List<SchemaEntry> entries, Long sequenceValue) throws SQLException {
        String name = entry.name();
        CreateTableDdl ddl = CreateTableDdl.parse(entry.sql());
        List<Column> columns = columns(name, ddl);
        List<String> primaryKey = columns.stream().filter(Column::inPrimaryKey)
                .sorted(Comparator.comparingInt(Column::pkOrdinal)).map(Column::name).toList();
        String primaryKeyName = primaryKey.isEmpty() ? null
                : ddl.primaryKeyName() != null ? ddl.primaryKeyName() : name + "_pkey";
        String rowidAlias = null;
        if (primaryKey.size() == 1 && !ddl.withoutRowid() && !ddl.columnPrimaryKeyDesc()) {
            Column pk = columns.stream().filter(Column::inPrimaryKey).findFirst().orElseThrow();
            if (pk.declaredType().strip().equalsIgnoreCase("INTEGER")) {
                rowidAlias = pk.name();
            }
        }
        for (String check : ddl.checks()) {
            skipped.add(new SkippedObject("check", name, TRIED, check, check));
        }
        Long highestKey = rowidAlias == null ? sequenceValue : highestKey(name, sequenceValue);
        return new Table(name, columns, primaryKey, primaryKeyName, rowidAlias, ddl.withoutRowid(), highestKey,
                indexes(name, ddl, entries), foreignKeys(name, ddl), entry.sql());
    }

    /**
     * The larger of sqlite_sequence's value and the largest rowid (one b-tree seek), so that the target's sequence
     * starts above every key the source holds, rows rejected on the way included.
     */
    private Long highestKey(String table, Long sequenceValue) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(rowid) FROM " + SqliteNames.quote(table))) {
            rs.next();
            long max = rs.getLong(1);
            if (rs.wasNull()) {
                return sequenceValue;
            }
            return sequenceValue == null ? Long.valueOf(max) : Long.valueOf(Math.max(max, sequenceValue));
        }
    }

    private List<Column> columns(String table, CreateTableDdl ddl) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int hidden = rs.getInt(6);
                    if (hidden == 1) {
                        continue;
                    }
                    String name = rs.getString(1);
                    if (hidden == 2 || hidden == 3) {
                        String expression = ddl.generatedExpression(name);
                        skipped.add(expression == null
                                ? new SkippedObject("generated column", table + "." + name,
                                "copied as a plain column holding its computed values; the expression is not recreated",
                                ddl.columnDefinition(name))
                                : new SkippedObject("generated column", table + "." + name, GENERATED_TRIED,
                                ddl.columnDefinition(name), "GENERATED ALWAYS AS (" + expression + ") STORED"));
                    }
                    String type = rs.getString(2);
                    columns.add(new Column(name, type == null ? "" : type, rs.getInt(3) != 0, rs.getString(4), rs.getInt(5),
                            ddl.columnCollation(name)));
                }
            }
        }
        return columns;
    }

    /** The table's indexes in creation order; the primary key's own index is not one of them. */
    private List<Index> indexes(String table, CreateTableDdl ddl, List<SchemaEntry> entries) throws SQLException {
        Map<String, IndexInfo> info = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT name, \"unique\", origin FROM pragma_index_list(?)")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    info.put(rs.getString(1), new IndexInfo(rs.getInt(2) != 0, rs.getString(3)));
                }
            }
        }
        List<CreateTableDdl.Unique> namedUniques = new ArrayList<>(ddl.uniques());
        List<Index> indexes = new ArrayList<>();
        for (SchemaEntry entry : entries) {
            IndexInfo index = info.get(entry.name());
            if (!entry.type().equals("index") || !entry.table().equals(table) || index == null || index.origin().equals("pk")) {
                continue;
            }
            List<String> columns = indexColumns(entry.name());
            if (columns != null) {
                noteIndexCollations(table, entry, index.unique(), ddl);
            }
            if (columns == null) {
                skipped.add(new SkippedObject("index", entry.name(), "expression index: not copied", entry.sql()));
            } else if (index.origin().equals("u")) {
                indexes.add(new Index(uniqueName(table, columns, namedUniques), true, columns, null, true));
            } else {
                indexes.add(new Index(entry.name(), index.unique(), columns, CreateIndexDdl.predicate(entry.sql(), ddl.columnNames()), false));
            }
        }
        return indexes;
    }

    /**
     * An index that compares a column under another collation than the column's own (Calibre's
     * {@code (name COLLATE NOCASE)} on a plain column) is built with the column's collation on PostgreSQL: listed.
     */
    private void noteIndexCollations(String table, SchemaEntry entry, boolean unique, CreateTableDdl ddl)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT name, coll FROM pragma_index_xinfo(?) WHERE key = 1 AND cid >= 0 ORDER BY seqno")) {
            st.setString(1, entry.name());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    String own = ddl.columnCollation(column);
                    String used = rs.getString(2);
                    if (used != null && !used.equalsIgnoreCase(own == null ? "BINARY" : own)) {
                        skipped.add(new SkippedObject("index collation", entry.name() + " (" + table + "." + column + ")",
                                "COLLATE " + used + " of the index is not carried: the PostgreSQL index uses the column's"
                                        + " own collation" + (unique ? ", so its uniqueness " + (used.equalsIgnoreCase("NOCASE")
                                        ? "no longer ignores case" : "compares differently") : ""), entry.sql()));
                    }
                }
            }
        }
    }

    /** The key columns of an index, or null when one of them is an expression or the rowid. */
    private List<String> indexColumns(String index) throws SQLException {
        List<String> columns = strings("SELECT CASE WHEN cid < 0 THEN NULL ELSE name END FROM pragma_index_xinfo(?)"
                + " WHERE key = 1 ORDER BY seqno", index);
        return columns.contains(null) ? null : columns;
    }

    /** The UNIQUE constraint's own name, else PostgreSQL's default {table}_{columns}_key. */
    private static String uniqueName(String table, List<String> columns, List<CreateTableDdl.Unique> uniques) {
        for (CreateTableDdl.Unique unique : uniques) {
            if (SqliteNames.sameNames(unique.columns(), columns)) {
                uniques.remove(unique);
                if (unique.name() != null) {
                    return unique.name();
                }
                break;
            }
        }
        return table + "_" + String.join("_", columns) + "_key";
    }

    private List<ForeignKey> foreignKeys(String table, CreateTableDdl ddl) throws SQLException {
        List<CreateTableDdl.ForeignKeyClause> clauses = new ArrayList<>(ddl.foreignKeys());
        List<ForeignKey> foreignKeys = new ArrayList<>();
        // foreign_key_list numbers the keys from the last declared one; id DESC gives declaration order.
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id DESC, seq")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                int currentId = -1;
                String parent = null;
                String onUpdate = null;
                String onDelete = null;
                List<String> from = new ArrayList<>();
                List<String> to = new ArrayList<>();
                while (rs.next()) {
                    if (rs.getInt(1) != currentId && currentId != -1) {
                        foreignKeys.add(foreignKey(table, from, parent, to, onDelete, onUpdate, clauses));
                        from = new ArrayList<>();
                        to = new ArrayList<>();
                    }
                    currentId = rs.getInt(1);
                    parent = rs.getString(2);
                    from.add(rs.getString(3));
                    to.add(rs.getString(4));
                    onUpdate = rs.getString(5);
                    onDelete = rs.getString(6);
                }
                if (currentId != -1) {
                    foreignKeys.add(foreignKey(table, from, parent, to, onDelete, onUpdate, clauses));
                }
            }
        }
        return foreignKeys;
    }

    private ForeignKey foreignKey(String table, List<String> columns, String parent, List<String> parentColumns,
                                  String onDelete, String onUpdate, List<CreateTableDdl.ForeignKeyClause> clauses)
            throws SQLException {
        List<String> resolvedParentColumns = parentColumns.contains(null) ? primaryKeyOf(parent) : parentColumns;
        String name = table + "_" + String.join("_", columns) + "_fkey";
        String deferral = null;
        for (CreateTableDdl.ForeignKeyClause clause : clauses) {
            if (clause.parentTable().equalsIgnoreCase(parent) && SqliteNames.sameNames(clause.columns(), columns)) {
                clauses.remove(clause);
                if (clause.name() != null) {
                    name = clause.name();
                }
                deferral = clause.deferral();
                break;
            }
        }
        return new ForeignKey(name, columns, parent, resolvedParentColumns, onDelete, onUpdate, deferral);
    }

    /** A REFERENCES clause without columns points at the parent's primary key. */
    private List<String> primaryKeyOf(String table) throws SQLException {
        return strings("SELECT name FROM pragma_table_xinfo(?) WHERE pk > 0 ORDER BY pk", table);
    }

    /** The first column of every row of a query with one text parameter. */
    private List<String> strings(String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, parameter);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private List<SchemaEntry> schemaEntries() throws SQLException {
        List<SchemaEntry> entries = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                entries.add(new SchemaEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return entries;
    }

    /** The tables that store a virtual table's content (FTS, R*Tree); lower-cased. */
    private Set<String> shadowTables() {
        Set<String> shadow = new HashSet<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                shadow.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            // table_list needs every virtual table's module; without it no table is known to be a shadow table.
        }
        return shadow;
    }

    private Map<String, Long> sequences(List<SchemaEntry> entries) throws SQLException {
        Map<String, Long> sequences = new HashMap<>();
        if (entries.stream().noneMatch(e -> e.type().equals("table") && e.name().equals("sqlite_sequence"))) {
            return sequences;
        }
        try (PreparedStatement st = connection.prepareStatement("SELECT name, seq FROM sqlite_sequence");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                sequences.put(rs.getString(1), rs.getLong(2));
            }
        }
        return sequences;
    }
}
