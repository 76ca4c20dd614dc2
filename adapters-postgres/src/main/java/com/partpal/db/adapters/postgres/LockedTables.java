package com.partpal.db.adapters.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A monitoring figure that may wait for a table's lock (sizes need ACCESS SHARE, which an ACCESS EXCLUSIVE lock of a
 * migration, ALTER TABLE or VACUUM FULL blocks): the session's lock_timeout or statement_timeout ends the wait, and
 * the figure is reported as not read, naming the tables locked and who holds them, instead of hanging or failing the
 * whole report.
 */
final class LockedTables {
    /** lock_not_available (lock_timeout) and query_canceled (statement_timeout). */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String QUERY_CANCELED = "57014";

    interface Figure<T> {
        T read() throws SQLException;
    }

    private LockedTables() {
    }

    /** {@code figure}'s value, or {@code empty} with a line added to {@code notRead} when a timeout ended it. */
    static <T> T orNotRead(Connection connection, String what, Figure<T> figure, T empty, List<String> notRead)
            throws SQLException {
        try {
            return figure.read();
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (!LOCK_NOT_AVAILABLE.equals(state) && !QUERY_CANCELED.equals(state)) {
                throw e;
            }
            String why = LOCK_NOT_AVAILABLE.equals(state) ? "lock_timeout" : "statement_timeout";
            notRead.add(what + " not read: " + why + " " + setting(connection, why) + " reached"
                    + lockedBy(connection));
            return empty;
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** ", waiting for: public.parts (AccessExclusiveLock, pid 123), ..." or nothing when no such lock is held now. */
    private static String lockedBy(Connection connection) throws SQLException {
        List<String> locks = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT l.relation::regclass::text,"
                + " l.mode, l.pid FROM pg_locks l WHERE l.locktype = 'relation' AND l.granted"
                + " AND l.mode = 'AccessExclusiveLock' AND l.pid <> pg_backend_pid()"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " ORDER BY 1 LIMIT 5")) {
            while (rs.next()) {
                locks.add(rs.getString(1) + " (" + rs.getString(2) + ", pid " + rs.getInt(3) + ")");
            }
        }
        return locks.isEmpty() ? "" : ", waiting for: " + String.join(", ", locks);
    }
}
