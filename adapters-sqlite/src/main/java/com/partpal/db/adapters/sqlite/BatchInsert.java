package com.partpal.db.adapters.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** Batched INSERTs into one table; {@link #close()} flushes. */
final class BatchInsert implements AutoCloseable {
    private static final int BATCH = 2000;

    private final PreparedStatement statement;
    private final int width;
    private int pending;
    private long rows;

    BatchInsert(Connection connection, String table, List<String> columns) throws SQLException {
        this.width = columns.size();
        this.statement = connection.prepareStatement("INSERT INTO " + SqliteNames.quote(table) + " ("
                + SqliteNames.quoteAll(columns) + ") VALUES (" + String.join(", ", Collections.nCopies(width, "?")) + ")");
    }

    void add(Object... values) throws SQLException {
        if (values.length != width) {
            throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
        }
        for (int i = 0; i < width; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
        rows++;
        if (++pending == BATCH) {
            statement.executeBatch();
            pending = 0;
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (pending > 0) {
                statement.executeBatch();
            }
        } finally {
            statement.close();
        }
    }
}
