package com.partpal.db.adapters.postgres;

import com.partpal.db.application.port.TableCheckpoint;
import com.partpal.db.application.port.TableLoader;
import com.partpal.db.domain.plan.TargetTable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Streams one table through COPY FROM STDIN (binary format, see {@link CopyBinaryEncoder}) on its own connection,
 * in chunks of about 1 MB. With a run's bookkeeping ({@link RunStateStore}) it first reads the table's checkpoint:
 * none means a fresh load, which empties the table in its first transaction so that COPY may FREEZE; each
 * {@link #commit} ends the COPY, records the checkpoint in the same transaction, commits, and starts the next COPY.
 * Closing without a final commit cancels the COPY and rolls back what was added since the last commit.
 */
final class CopyLoader implements TableLoader {
    private static final int CHUNK = 1 << 20;

    private final Connection connection;
    private final String table;
    private final String password;
    private final boolean withRowid;
    private final CopyBinaryEncoder encoder;
    private final RunStateStore state;
    private final String nextCopySql;
    private final TableCheckpoint resumedFrom;
    private CopyIn copy;
    private long copied;
    private boolean done;

    /**
     * @param freezingCopySql the COPY of a load that emptied the table in the same transaction
     * @param copySql         the COPY of later batches, and of a resumed load
     * @param state           the run's bookkeeping, or null to load in one transaction
     */
    CopyLoader(Connection connection, String truncateSql, String freezingCopySql, String copySql, TargetTable target,
               boolean withRowid, String password, RunStateStore state) {
        this.encoder = new CopyBinaryEncoder(target.columns().stream().map(c -> c.type().kind()).toList(),
                CHUNK + (CHUNK >> 2));
        this.connection = connection;
        this.table = target.name();
        this.withRowid = withRowid;
        this.password = password;
        this.state = state;
        this.nextCopySql = copySql;
        try {
            connection.setAutoCommit(false);
            this.resumedFrom = state == null ? null : state.checkpoint(connection, table);
            if (resumedFrom == null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(truncateSql);
                }
            }
            this.copy = copyIn(resumedFrom == null ? freezingCopySql : copySql);
        } catch (SQLException e) {
            closeConnection();
            throw PostgresException.of("cannot start loading " + table, e, password);
        }
    }

    private CopyIn copyIn(String sql) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    @Override
    public TableCheckpoint resumedFrom() {
        return resumedFrom;
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
    public void commit(TableCheckpoint checkpoint, long[] rejectedRowids) {
        if (state == null) {
            throw new IllegalStateException("no run state to record a checkpoint of " + table + " in");
        }
        encoder.trailer();
        flush();
        try {
            copied += copy.endCopy();
            state.save(connection, table, checkpoint, rejectedRowids);
            connection.commit();
            if (checkpoint.loaded()) {
                done = true;
                return;
            }
            encoder.restart();
            copy = copyIn(nextCopySql);
        } catch (SQLException e) {
            throw PostgresException.of("loading " + table + " failed", e, password);
        }
    }

    @Override
    public long finish() {
        encoder.trailer();
        flush();
        try {
            copied += copy.endCopy();
            connection.commit();
            done = true;
            return copied;
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
                if (copy != null && copy.isActive()) {
                    copy.cancelCopy();
                }
                connection.rollback();
            } catch (SQLException e) {
                // the connection is discarded below; nothing since the last commit is kept
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
