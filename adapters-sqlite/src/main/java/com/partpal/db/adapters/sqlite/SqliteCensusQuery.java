package com.partpal.db.adapters.sqlite;

import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ColumnCensus;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.schema.TableCensus;
import com.partpal.db.domain.types.TargetType;
import com.partpal.db.domain.types.TypeMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One aggregate query per table: typeof() counts per column, integer-like values outside 32 bits, and for date/time
 * columns how many values look like epoch milliseconds (an integer, or a text holding only an integer, with
 * |v| >= 100000000000), epoch seconds (other such integers), ISO text (YYYY-MM-DD, optionally followed by a space or T
 * and HH:MM...) or something else (every other non-NULL value: other text, reals, blobs); how many texts have more
 * than 3 and more than 6 fractional digits; and how many values have a time of day other than midnight (integers by
 * the threshold rule; text when anything after the date but zeros, colons, points and Z remains, so an offset counts);
 * and for integer and boolean columns how many values their conversion rule rejects.
 */
final class SqliteCensusQuery {
    private static final int PER_COLUMN = 7;
    /** The words BooleanConverter takes, lower-cased. */
    private static final String BOOLEAN_WORDS = "('t', 'true', 'y', 'yes', 'on', '1', 'f', 'false', 'n', 'no', 'off', '0')";
    private static final int PER_DATETIME_COLUMN = 6;
    /** YYYY-MM-DD HH:MM:SS. (T or space), before the fractional digits. */
    private static final String FRACTION = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][ T][0-9][0-9]:[0-9][0-9]:[0-9][0-9].";
    private static final long EPOCH_MS_THRESHOLD = 100_000_000_000L;

    private SqliteCensusQuery() {
    }

    static TableCensus run(Connection connection, Table table, Set<String> dateTimeColumns) throws SQLException {
        if (onlyTheRowidAlias(table)) {
            return rowidAlias(connection, table);
        }
        // The inner query computes typeof() once per cell; LIMIT -1 keeps SQLite from flattening it back.
        StringBuilder inner = new StringBuilder("SELECT 1");
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        int n = 0;
        for (Column column : table.columns()) {
            String c = SqliteNames.quote(column.name());
            String t = "t" + n;
            String v = "v" + n;
            n++;
            inner.append(", typeof(").append(c).append(") AS ").append(t).append(", ").append(c).append(" AS ").append(v);
            String integerOrIntegerText = "(CASE " + t + " WHEN 'integer' THEN 1 WHEN 'text' THEN " + integerText(v) + " ELSE 0 END)";
            String integerLike = "(CASE " + t + " WHEN 'real' THEN CAST(" + v + " AS REAL) = round(" + v + ") ELSE "
                    + integerOrIntegerText + " END)";
            sql.append(", sum(").append(t).append(" = 'integer')")
                    .append(", sum(").append(t).append(" = 'real')")
                    .append(", sum(").append(t).append(" = 'text')")
                    .append(", sum(").append(t).append(" = 'blob')")
                    .append(", sum(").append(t).append(" = 'null')")
                    .append(", sum(CASE WHEN ").append(integerLike).append(" THEN CAST(").append(v)
                    .append(" AS INTEGER) NOT BETWEEN -2147483648 AND 2147483647 ELSE 0 END)");
            TargetType kind = TypeMapper.map(table.name(), column, false, false).kind();
            if (kind == TargetType.INTEGER || kind == TargetType.BIGINT) {
                sql.append(", sum(").append(t).append(" <> 'null' AND NOT ").append(integerLike).append(")");
            } else if (kind == TargetType.BOOLEAN) {
                sql.append(", sum(CASE ").append(t).append(" WHEN 'null' THEN 0 WHEN 'integer' THEN ").append(v)
                        .append(" NOT IN (0, 1) WHEN 'text' THEN lower(").append(v).append(") NOT IN ").append(BOOLEAN_WORDS)
                        .append(" ELSE 1 END)");
            } else {
                sql.append(", -1");
            }
            if (dateTimeColumns.contains(column.name())) {
                String large = "(CAST(" + v + " AS INTEGER) >= " + EPOCH_MS_THRESHOLD
                        + " OR CAST(" + v + " AS INTEGER) <= -" + EPOCH_MS_THRESHOLD + ")";
                sql.append(", sum(CASE WHEN ").append(integerOrIntegerText).append(" THEN ").append(large).append(" ELSE 0 END)")
                        .append(", sum(CASE WHEN ").append(integerOrIntegerText).append(" THEN NOT ").append(large).append(" ELSE 0 END)")
                        .append(", sum(").append(t).append(" = 'text' AND (")
                        .append(v).append(" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' OR ")
                        .append(v).append(" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][ T][0-9][0-9]:[0-9][0-9]*'))")
                        .append(", sum(").append(t).append(" = 'text' AND ").append(v).append(" GLOB '").append(FRACTION)
                        .append("[0-9][0-9][0-9][0-9]*')")
                        .append(", sum(").append(t).append(" = 'text' AND ").append(v).append(" GLOB '").append(FRACTION)
                        .append("[0-9][0-9][0-9][0-9][0-9][0-9][0-9]*')")
                        .append(", sum(CASE WHEN ").append(integerOrIntegerText).append(" THEN CAST(").append(v)
                        .append(" AS INTEGER) % (CASE WHEN ").append(large).append(" THEN 86400000 ELSE 86400 END) <> 0")
                        .append(" WHEN ").append(t).append(" = 'text' THEN length(").append(v).append(") > 10 AND ")
                        .append(v).append(" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][ T]*' AND rtrim(substr(")
                        .append(v).append(", 12), '0:.Zz') <> '' ELSE 0 END)");
            }
        }
        inner.append(" FROM ").append(SqliteNames.quote(table.name())).append(" LIMIT -1");
        sql.append(" FROM (").append(inner).append(")");
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            rs.next();
            long rows = rs.getLong(1);
            List<ColumnCensus> columns = new ArrayList<>();
            int i = 2;
            for (Column column : table.columns()) {
                long integers = rs.getLong(i);
                long reals = rs.getLong(i + 1);
                long texts = rs.getLong(i + 2);
                long blobs = rs.getLong(i + 3);
                long nulls = rs.getLong(i + 4);
                long outside32Bit = rs.getLong(i + 5);
                long breaksRule = rs.getLong(i + 6);
                i += PER_COLUMN;
                long epochMillis = -1;
                long epochSeconds = -1;
                long isoText = -1;
                long otherText = -1;
                long finerThanMillis = -1;
                long finerThanMicros = -1;
                long timeOfDay = -1;
                if (dateTimeColumns.contains(column.name())) {
                    epochMillis = rs.getLong(i);
                    epochSeconds = rs.getLong(i + 1);
                    isoText = rs.getLong(i + 2);
                    otherText = rows - nulls - epochMillis - epochSeconds - isoText;
                    finerThanMillis = rs.getLong(i + 3);
                    finerThanMicros = rs.getLong(i + 4);
                    timeOfDay = rs.getLong(i + 5);
                    i += PER_DATETIME_COLUMN;
                }
                columns.add(new ColumnCensus(column.name(), integers, reals, texts, blobs, nulls,
                        epochMillis, epochSeconds, isoText, otherText, outside32Bit, finerThanMillis, finerThanMicros,
                        timeOfDay, breaksRule));
            }
            return new TableCensus(table.name(), rows, columns);
        }
    }

    private static boolean onlyTheRowidAlias(Table table) {
        return table.columns().size() == 1 && table.columns().get(0).name().equals(table.rowidAlias());
    }

    /**
     * An INTEGER PRIMARY KEY holds only integers, never NULL: its census needs no scan, only the row count (SQLite
     * counts b-tree cells without reading rows) and two rowid range seeks for the values outside 32 bits.
     */
    private static TableCensus rowidAlias(Connection connection, Table table) throws SQLException {
        String from = " FROM " + SqliteNames.quote(table.name());
        String sql = "SELECT (SELECT count(*)" + from + "), (SELECT count(*)" + from + " WHERE rowid > 2147483647)"
                + " + (SELECT count(*)" + from + " WHERE rowid < -2147483648)";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long rows = rs.getLong(1);
            ColumnCensus column = new ColumnCensus(table.rowidAlias(), rows, 0, 0, 0, 0, -1, -1, -1, -1, rs.getLong(2),
                    -1, -1, -1, 0);
            return new TableCensus(table.name(), rows, List.of(column));
        }
    }

    /** For a text value: 1 when it holds only an optionally signed run of 1 to 19 digits; cheap for ordinary text. */
    private static String integerText(String v) {
        String digits = "(CASE WHEN substr(" + v + ", 1, 1) IN ('-', '+') THEN substr(" + v + ", 2) ELSE " + v + " END)";
        return "(CASE WHEN " + v + " GLOB '*[^0-9+-]*' OR " + v + " = '' THEN 0 ELSE length(" + digits + ") BETWEEN 1 AND 19 AND "
                + digits + " NOT GLOB '*[^0-9]*' END)";
    }
}
