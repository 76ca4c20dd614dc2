package com.partpal.db.adapters.sqlite;

import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ColumnCensus;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.schema.TableCensus;

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
 * and HH:MM...) or something else (every other non-NULL value: other text, reals, blobs).
 */
final class SqliteCensusQuery {
    private static final int PER_COLUMN = 6;
    private static final int PER_DATETIME_COLUMN = 3;
    private static final long EPOCH_MS_THRESHOLD = 100_000_000_000L;

    private SqliteCensusQuery() {
    }

    static TableCensus run(Connection connection, Table table, Set<String> dateTimeColumns) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (Column column : table.columns()) {
            String c = SqliteNames.quote(column.name());
            String integerText = integerText(c);
            sql.append(", sum(typeof(").append(c).append(") = 'integer')")
                    .append(", sum(typeof(").append(c).append(") = 'real')")
                    .append(", sum(typeof(").append(c).append(") = 'text')")
                    .append(", sum(typeof(").append(c).append(") = 'blob')")
                    .append(", sum(").append(c).append(" IS NULL)")
                    .append(", sum(CASE WHEN typeof(").append(c).append(") = 'integer' OR (typeof(").append(c)
                    .append(") = 'real' AND CAST(").append(c).append(" AS REAL) = round(").append(c).append(")) OR ")
                    .append(integerText).append(" THEN CAST(").append(c)
                    .append(" AS INTEGER) NOT BETWEEN -2147483648 AND 2147483647 ELSE 0 END)");
            if (dateTimeColumns.contains(column.name())) {
                String integerLike = "(typeof(" + c + ") = 'integer' OR " + integerText + ")";
                String large = "(CAST(" + c + " AS INTEGER) >= " + EPOCH_MS_THRESHOLD
                        + " OR CAST(" + c + " AS INTEGER) <= -" + EPOCH_MS_THRESHOLD + ")";
                sql.append(", sum(").append(integerLike).append(" AND ").append(large).append(")")
                        .append(", sum(").append(integerLike).append(" AND NOT ").append(large).append(")")
                        .append(", sum(typeof(").append(c).append(") = 'text' AND (")
                        .append(c).append(" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' OR ")
                        .append(c).append(" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][ T][0-9][0-9]:[0-9][0-9]*'))");
            }
        }
        sql.append(" FROM ").append(SqliteNames.quote(table.name()));
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
                i += PER_COLUMN;
                long epochMillis = -1;
                long epochSeconds = -1;
                long isoText = -1;
                long otherText = -1;
                if (dateTimeColumns.contains(column.name())) {
                    epochMillis = rs.getLong(i);
                    epochSeconds = rs.getLong(i + 1);
                    isoText = rs.getLong(i + 2);
                    otherText = rows - nulls - epochMillis - epochSeconds - isoText;
                    i += PER_DATETIME_COLUMN;
                }
                columns.add(new ColumnCensus(column.name(), integers, reals, texts, blobs, nulls,
                        epochMillis, epochSeconds, isoText, otherText, outside32Bit));
            }
            return new TableCensus(table.name(), rows, columns);
        }
    }

    /** A text holding only an optionally signed run of digits (at most 19 of them). */
    private static String integerText(String c) {
        String digits = "(CASE WHEN substr(" + c + ", 1, 1) IN ('-', '+') THEN substr(" + c + ", 2) ELSE " + c + " END)";
        return "(typeof(" + c + ") = 'text' AND length(" + digits + ") BETWEEN 1 AND 19 AND "
                + digits + " NOT GLOB '*[^0-9]*')";
    }
}
