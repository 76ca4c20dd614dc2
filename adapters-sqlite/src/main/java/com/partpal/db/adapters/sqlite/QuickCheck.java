package com.partpal.db.adapters.sqlite;

import com.partpal.db.domain.BadInputException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * PRAGMA quick_check of a source, on a connection and a thread of its own, so the other reads go on meanwhile. It
 * lives as long as the source: {@link #close()} interrupts a check still running and waits for its thread to end.
 * Findings that only note a value stored against its column's type ("TEXT value in t.c") are accepted, since the
 * migration rules deal with such values cell by cell.
 */
final class QuickCheck implements AutoCloseable {
    private static final Pattern AFFINITY_NOTE = Pattern.compile("(?:TEXT|NUMERIC|INTEGER|REAL|BLOB) value in .+");
    private static final long CLOSE_WAIT_MILLIS = 30_000;

    private final SqliteFile file;
    private final Connection connection;
    private final CompletableFuture<Void> result = new CompletableFuture<>();
    private final Thread thread;
    private Statement running;
    private boolean closed;

    private QuickCheck(SqliteFile file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.thread = new Thread(this::run, "partpal-sqlite-quick-check");
        thread.setDaemon(true);
    }

    /** Starts the check on {@code connection}, which it closes when done. */
    static QuickCheck start(SqliteFile file, Connection connection) {
        QuickCheck check = new QuickCheck(file, connection);
        check.thread.start();
        return check;
    }

    /** Waits for the check and throws its refusal (the same one each time it is asked). */
    void require() {
        try {
            result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private void run() {
        try (Statement statement = begin()) {
            if (statement != null) {
                refuseCorruption(statement);
            }
            result.complete(null);
        } catch (SQLException e) {
            result.completeExceptionally(file.failure(e));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing was written, so nothing is lost
            }
        }
    }

    /** The statement to run the check on, or null when the source was closed before the check began. */
    private synchronized Statement begin() throws SQLException {
        running = closed ? null : connection.createStatement();
        return running;
    }

    private void refuseCorruption(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                String finding = rs.getString(1);
                if (!"ok".equals(finding) && !AFFINITY_NOTE.matcher(finding).matches()) {
                    throw new BadInputException("corrupt SQLite database: " + file.path() + " ("
                            + finding.lines().findFirst().orElse("") + ")");
                }
            }
        }
    }

    /** Interrupts a check still running (sqlite3_interrupt) and waits for its thread to end. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (running != null && !result.isDone()) {
                try {
                    running.cancel();
                } catch (SQLException e) {
                    // the check ends by itself soon enough: it only reads
                }
            }
        }
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
