package com.partpal.db.adapters.postgres;

import com.partpal.db.application.port.RowCursor;
import com.partpal.db.domain.types.TargetType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;

/**
 * Streams a query's rows through a server-side cursor: the connection leaves auto-commit so the driver fetches
 * FETCH_SIZE rows at a time instead of the whole result.
 */
final class PostgresRowCursor implements RowCursor {
    private static final int FETCH_SIZE = 10_000;

    private final Connection connection;
    private final ResultSet rows;
    private final TargetType[] kinds;
    private final Function<SQLException, RuntimeException> failure;

    PostgresRowCursor(Connection connection, String select, TargetType[] kinds,
                      Function<SQLException, RuntimeException> failure) {
        this.connection = connection;
        this.kinds = kinds;
        this.failure = failure;
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
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
            return rows.next();
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    @Override
    public long rowid() {
        return 0;
    }

    @Override
    public Object get(int columnIndex) {
        try {
            return PostgresCells.read(rows, columnIndex + 1, kinds[columnIndex]);
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // only reads happened
        }
        try {
            connection.setAutoCommit(true);
            connection.setReadOnly(false);
            connection.close();
        } catch (SQLException e) {
            // returning a read-only connection to the pool loses nothing
        }
    }
}
