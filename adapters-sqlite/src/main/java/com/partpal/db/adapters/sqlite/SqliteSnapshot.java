package com.partpal.db.adapters.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One state of a SQLite file that several read-only connections all see while an application goes on writing: each
 * connection opens a read transaction and keeps it (in WAL mode readers see the database as of their first read; in
 * rollback-journal mode their shared locks hold writers back until the run ends). SQLite cannot share one read
 * transaction between connections, so they are opened one after another between two readings of
 * {@code PRAGMA data_version} on a further connection, which changes whenever another connection commits: when it did
 * not change (nor the files' size and time), no write landed between the first and the last, and all see one state.
 */
final class SqliteSnapshot {
    private static final int ATTEMPTS = 50;

    private final Instant takenAt;
    /** The write-ahead log's size and time at the pinned moment (see {@link SqliteContentFingerprint}). */
    private final String walState;
    private final BlockingQueue<Connection> readers;
    private final List<Connection> all;

    private SqliteSnapshot(Instant takenAt, String walState, List<Connection> readers) {
        this.takenAt = takenAt;
        this.walState = walState;
        this.readers = new LinkedBlockingQueue<>(readers);
        this.all = List.copyOf(readers);
    }

    /** Pins {@code main} and {@code readers} new connections on one state; SQLException when writes never pause. */
    static SqliteSnapshot pin(SqliteFile file, Connection main, int readers) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        Connection watcher = file.openReadOnly();
        try {
            for (int i = 0; i < readers; i++) {
                connections.add(file.openReadOnly());
            }
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                long versionBefore = dataVersion(watcher);
                String before = fileState(file.path());
                String walBefore = SqliteContentFingerprint.walState(file.path());
                Instant at = Instant.now();
                begin(main);
                for (Connection c : connections) {
                    begin(c);
                }
                if (dataVersion(watcher) == versionBefore && before.equals(fileState(file.path()))) {
                    return new SqliteSnapshot(at, walBefore, connections);
                }
                main.rollback();
                for (Connection c : connections) {
                    c.rollback();
                }
                Thread.sleep(Math.min(200, 5L * attempt));
            }
            throw new SQLException("the source was written to without pause: no moment found to read it at once");
        } catch (SQLException e) {
            connections.forEach(SqliteSnapshot::closeQuietly);
            throw e;
        } catch (RuntimeException e) {
            connections.forEach(SqliteSnapshot::closeQuietly);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connections.forEach(SqliteSnapshot::closeQuietly);
            throw new SQLException("interrupted while pinning the source's snapshot", e);
        } finally {
            closeQuietly(watcher);
        }
    }

    /** Starts a read transaction that sees the database as it is now (a deferred BEGIN takes its snapshot on the first read). */
    private static void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
        }
    }

    private static long dataVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Size and modification time of the database file and of its write-ahead log (when not empty). */
    static String fileState(Path path) {
        try {
            Path wal = path.resolveSibling(path.getFileName() + "-wal");
            String walState = Files.exists(wal) && Files.size(wal) > 0
                    ? Files.size(wal) + "/" + Files.getLastModifiedTime(wal).toMillis() : "0";
            return Files.size(path) + "/" + Files.getLastModifiedTime(path).toMillis() + "/" + walState;
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    Instant takenAt() {
        return takenAt;
    }

    String walState() {
        return walState;
    }

    /** A pinned connection for one cursor (waits while every one is in use); give it back with {@link #release}. */
    Connection take() {
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a source connection", e);
        }
    }

    void release(Connection connection) {
        readers.add(connection);
    }

    void close() {
        all.forEach(SqliteSnapshot::closeQuietly);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // read-only: nothing to lose
        }
    }
}
