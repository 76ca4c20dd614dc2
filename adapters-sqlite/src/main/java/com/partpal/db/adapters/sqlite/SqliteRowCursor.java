package com.partpal.db.adapters.sqlite;

import com.partpal.db.application.port.RowCursor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
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
    private final Consumer<Connection> release;
    private long rowid;

    /**
     * @param parameters bound to the select's ? in order
     * @param release    what happens to the connection when the cursor closes (closed, or handed back to a snapshot)
     */
    SqliteRowCursor(Connection connection, String select, List<Object> parameters, boolean numberedByPosition,
                    Function<SQLException, RuntimeException> failure, Consumer<Connection> release) {
        this.connection = connection;
        this.failure = failure;
        this.release = release;
        this.firstValueColumn = numberedByPosition ? 1 : 2;
        try {
            PreparedStatement prepared = connection.prepareStatement(select);
            statement = prepared;
            for (int i = 0; i < parameters.size(); i++) {
                prepared.setObject(i + 1, parameters.get(i));
            }
            statement.setFetchSize(FETCH_SIZE);
            rows = prepared.executeQuery();
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
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException e) {
            // the connection is closed or handed back below
        }
        release.accept(connection);
    }
}
