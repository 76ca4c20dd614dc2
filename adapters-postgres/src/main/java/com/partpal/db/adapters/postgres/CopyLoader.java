package com.partpal.db.adapters.postgres;

import com.partpal.db.application.port.TableLoader;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Streams one table through COPY FROM STDIN on its own connection, in chunks of about 1 MB, and commits at the
 * end; closing without {@link #finish()} cancels the COPY and rolls back.
 */
final class CopyLoader implements TableLoader {
    private static final int CHUNK = 1 << 20;

    private final Connection connection;
    private final CopyIn copy;
    private final String table;
    private final String password;
    private final boolean withRowid;
    private final CopyTextEncoder encoder = new CopyTextEncoder(CHUNK + (CHUNK >> 2));
    private boolean done;

    CopyLoader(Connection connection, String copySql, String table, boolean withRowid, String password) {
        this.connection = connection;
        this.table = table;
        this.withRowid = withRowid;
        this.password = password;
        try {
            connection.setAutoCommit(false);
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
