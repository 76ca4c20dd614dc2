package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.verify.StoredColumn;
import com.partpal.db.domain.verify.StoredSequence;
import com.partpal.db.domain.verify.StoredTable;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the tables of one schema from pg_catalog as verification compares them: columns (format_type, shortened to
 * the forms migrate writes), primary key, the other indexes, foreign keys with their actions, and the next value of
 * each serial or identity column's sequence.
 */
final class PostgresCatalog {
    private static final Map<String, String> ACTIONS = Map.of("a", "NO ACTION", "r", "RESTRICT", "c", "CASCADE",
            "n", "SET NULL", "d", "SET DEFAULT");

    private static final String TABLES = "SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n"
            + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p') ORDER BY c.oid";
    private static final String COLUMNS = "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " pg_get_serial_sequence(?, a.attname) FROM pg_attribute a"
            + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
    /** Column names of an index key (NULL for an expression). */
    private static final String INDEXES = "SELECT i.relname, x.indisunique, x.indisprimary,"
            + " ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)"
            + " LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum ORDER BY k.ord),"
            + " pg_get_expr(x.indpred, x.indrelid), EXISTS (SELECT 1 FROM pg_constraint con"
            + " WHERE con.conindid = x.indexrelid AND con.contype = 'u')"
            + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = ? ORDER BY i.relname";
    private static final String FOREIGN_KEYS = "SELECT con.conname, p.relname,"
            + " ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),"
            + " ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord),"
            + " con.confdeltype, con.confupdtype FROM pg_constraint con JOIN pg_class p ON p.oid = con.confrelid"
            + " WHERE con.conrelid = ? AND con.contype = 'f' ORDER BY con.conname";

    private PostgresCatalog() {
    }

    static List<StoredTable> read(Connection connection, String schema) throws SQLException {
        List<StoredTable> tables = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(TABLES)) {
            st.setString(1, schema);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tables.add(table(connection, schema, rs.getLong(1), rs.getString(2)));
                }
            }
        }
        return tables;
    }

    private static StoredTable table(Connection connection, String schema, long oid, String name)
            throws SQLException {
        List<StoredColumn> columns = new ArrayList<>();
        StoredSequence sequence = null;
        try (PreparedStatement st = connection.prepareStatement(COLUMNS)) {
            st.setString(1, Sql.qualified(schema, name));
            st.setLong(2, oid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    columns.add(new StoredColumn(rs.getString(1), shortType(rs.getString(2)), rs.getBoolean(3)));
                    String sequenceName = rs.getString(4);
                    if (sequenceName != null && sequence == null) {
                        sequence = new StoredSequence(rs.getString(1), nextValue(connection, sequenceName));
                    }
                }
            }
        }
        List<String> primaryKey = List.of();
        List<Index> indexes = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(INDEXES)) {
            st.setLong(1, oid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    List<String> keyColumns = strings(rs.getArray(4));
                    if (rs.getBoolean(3)) {
                        primaryKey = keyColumns;
                    } else {
                        indexes.add(new Index(rs.getString(1), rs.getBoolean(2), keyColumns, rs.getString(5),
                                rs.getBoolean(6)));
                    }
                }
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(FOREIGN_KEYS)) {
            st.setLong(1, oid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    foreignKeys.add(new ForeignKey(rs.getString(1), strings(rs.getArray(3)), rs.getString(2),
                            strings(rs.getArray(4)), ACTIONS.get(rs.getString(5)), ACTIONS.get(rs.getString(6))));
                }
            }
        }
        return new StoredTable(name, columns, primaryKey, indexes, foreignKeys, sequence);
    }

    /** The value nextval would return now. */
    private static Long nextValue(Connection connection, String sequenceName) throws SQLException {
        String sql = "SELECT s.last_value, s.is_called, q.seqincrement FROM " + sequenceName + " s, pg_sequence q"
                + " WHERE q.seqrelid = " + Sql.literal(sequenceName) + "::regclass";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            return rs.getBoolean(2) ? rs.getLong(1) + rs.getLong(3) : rs.getLong(1);
        }
    }

    /** format_type's long forms as migrate writes them: "timestamp(3) without time zone" -> "timestamp(3)". */
    static String shortType(String formatted) {
        return formatted.replace(" without time zone", "");
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
