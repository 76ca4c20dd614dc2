package com.partpal.db.adapters.postgres;

import com.partpal.db.application.port.TableLoader;
import com.partpal.db.domain.plan.TargetTable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Streams one table through COPY FROM STDIN (binary format, see {@link CopyBinaryEncoder}) on its own connection,
 * in chunks of about 1 MB, and commits at the end; closing without {@link #finish()} cancels the COPY and rolls back.
 */
final class CopyLoader implements TableLoader {
    private static final int CHUNK = 1 << 20;

    private final Connection connection;
    private final CopyIn copy;
    private final String table;
    private final String password;
    private final boolean withRowid;
    private final CopyBinaryEncoder encoder;
    private boolean done;

    CopyLoader(Connection connection, String truncateSql, String copySql, TargetTable target, boolean withRowid,
               String password) {
        String table = target.name();
        this.encoder = new CopyBinaryEncoder(target.columns().stream().map(c -> c.type().kind()).toList(),
                CHUNK + (CHUNK >> 2));
        this.connection = connection;
        this.table = table;
        this.withRowid = withRowid;
        this.password = password;
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(truncateSql);
            }
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        } catch (SQLException e) {
            closeConnection();
            throw PostgresException.of("cannot start loading " + table, e, password);
        }
    }

    @Override
    public void add(long rowid, Object[] values) {
        encoder.row(values, withRowid, rowid);
        if (encoder.size() >= CHUNK) {
            flush();
        }
    }

    private void flush() {
        try {
            copy.writeToCopy(encoder.buffer(), 0, encoder.size());
            encoder.clear();
        } catch (SQLException e) {
            throw PostgresException.of("loading " + table + " failed", e, password);
        }
    }

    @Override
    public long finish() {
        encoder.trailer();
        flush();
        try {
            long rows = copy.endCopy();
            connection.commit();
            done = true;
            return rows;
        } catch (SQLException e) {
            throw PostgresException.of("loading " + table + " failed", e, password);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (!done) {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                connection.rollback();
            } catch (SQLException e) {
                // the connection is discarded below; nothing was committed
            }
        }
        closeConnection();
    }

    private void closeConnection() {
        try {
            connection.close();
        } catch (SQLException e) {
            // already broken; the pool replaces it
        }
    }
}
