package com.partpal.db.adapters.sqlite;

import com.partpal.db.application.port.RowCursor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;

/**
 * Streams one table's rows on its own read-only connection (so tables can be read in parallel). The query's first
 * column is the rowid, unless rows are numbered by position (WITHOUT ROWID tables).
 */
final class SqliteRowCursor implements RowCursor {
    private static final int FETCH_SIZE = 10_000;

    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final int firstValueColumn;
    private final Function<SQLException, RuntimeException> failure;
    private long rowid;

    SqliteRowCursor(Connection connection, String select, boolean numberedByPosition,
                    Function<SQLException, RuntimeException> failure) {
        this.connection = connection;
        this.failure = failure;
        this.firstValueColumn = numberedByPosition ? 1 : 2;
        try {
            statement = connection.createStatement();
            statement.setFetchSize(FETCH_SIZE);
            rows = statement.executeQuery(select);
        } catch (SQLException e) {
            close();
            throw failure.apply(e);
        }
    }

    @Override
    public boolean next() {
        try {
            if (!rows.next()) {
                return false;
            }
            rowid = firstValueColumn == 1 ? rowid + 1 : rows.getLong(1);
            return true;
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    @Override
    public long rowid() {
        return rowid;
    }

    @Override
    public Object get(int columnIndex) {
        try {
            return SqliteCells.read(rows, firstValueColumn + columnIndex);
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a read-only connection loses nothing
        }
    }
}
