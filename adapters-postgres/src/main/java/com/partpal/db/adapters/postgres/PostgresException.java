package com.partpal.db.adapters.postgres;

import com.partpal.db.application.port.ResumableFailure;
import com.partpal.db.application.port.TransientFailure;
import com.partpal.db.domain.connection.Secrets;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** A statement the target server refused; the message is one masked line naming what was being done. */
public class PostgresException extends RuntimeException {
    public PostgresException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The failure as one line; {@link Transient} when trying again a moment later may work (the connection dropped or
     * was refused while the server restarts, admin shutdown, serialization failure, deadlock, too many connections),
     * {@link Resumable} naming the cause when the target is full or may not be written.
     */
    static PostgresException of(String doing, SQLException e, String password) {
        String state = sqlState(e);
        String message = firstLine(e.getMessage());
        if (isTransient(e, state)) {
            return new Transient(Secrets.mask(doing + ": " + message, password), e);
        }
        String cause = resumableCause(state, message);
        if (cause != null) {
            return new Resumable(Secrets.mask(doing + ": " + cause + " (" + message + ")", password), e);
        }
        return new PostgresException(Secrets.mask(doing + ": " + message, password), e);
    }

    private static boolean isTransient(SQLException e, String state) {
        if (e instanceof SQLTransientConnectionException) {
            return true; // the pool found no live connection in time (the server is down or restarting)
        }
        if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("40001")
                || state.equals("40P01") || state.equals("53300"))) {
            return true;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String resumableCause(String state, String message) {
        String lower = message.toLowerCase();
        if (lower.contains("quota")) {
            return "the target's disk quota is exceeded";
        }
        if ("53100".equals(state) || lower.contains("no space left on device")) {
            return "the target's disk is full";
        }
        if ("25006".equals(state)) {
            return "the target is read-only";
        }
        if ("42501".equals(state)) {
            return "the target role may not write there";
        }
        return null;
    }

    /** The first SQLSTATE in the chain (the pool wraps the driver's exception). */
    private static String sqlState(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    /** A failure that may pass when tried again. */
    public static final class Transient extends PostgresException implements TransientFailure {
        Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The target is full or may not be written: retrying will not help, resuming once it is fixed will. */
    public static final class Resumable extends PostgresException implements ResumableFailure {
        Resumable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
