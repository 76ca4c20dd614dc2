package com.partpal.db.adapters.postgres.backup;

import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.adapters.postgres.Sql;
import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.connection.Secrets;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Database-level statements (CREATE, DROP, RENAME DATABASE), run from another database of the same server. Names are
 * always quoted identifiers, so a database called {@code x; DROP DATABASE y} is just a strange name.
 */
final class ServerDatabases {
    private static final int MAX_NAME_BYTES = 63;
    private static final int RENAME_ATTEMPTS = 5;

    private ServerDatabases() {
    }

    /**
     * The server's system identifier (pg_control_system), from the database itself or, when that does not exist
     * (a restore onto a new server), from the maintenance database; null when the login may not read it.
     */
    static String systemIdentifier(PostgresUrl url) {
        BadInputException first;
        try (Connection c = PostgresPools.connect(url)) {
            return systemIdentifier(c);
        } catch (BadInputException e) {
            first = e;
        } catch (SQLException e) {
            return null;
        }
        PostgresUrl maintenance = url.withDatabase("postgres".equals(url.database()) ? "template1" : "postgres");
        try (Connection c = PostgresPools.connect(maintenance)) {
            return systemIdentifier(c);
        } catch (BadInputException | SQLException e) {
            throw first;
        }
    }

    private static String systemIdentifier(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT system_identifier::text FROM pg_control_system()")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                return null;
            }
            throw e;
        }
    }

    static void create(PostgresUrl url) {
        onMaintenanceDatabase(url, s -> s.execute("CREATE DATABASE " + Sql.identifier(url.database())),
                "creating database " + url.database());
    }

    /** Ends the other sessions on the database and drops it if it exists. */
    static void drop(PostgresUrl url) {
        onMaintenanceDatabase(url, s -> {
            terminateSessions(s.getConnection(), url.database());
            s.execute("DROP DATABASE IF EXISTS " + Sql.identifier(url.database()));
        }, "dropping database " + url.database());
    }

    /**
     * A new empty database next to {@code url}'s, named after it with {@code suffix}; with the existing database's
     * encoding and locale when it exists. An older leftover of the same name is dropped first.
     */
    static PostgresUrl createSibling(PostgresUrl url, String suffix) {
        PostgresUrl sibling = url.withDatabase(siblingName(url.database(), suffix));
        drop(sibling);
        onMaintenanceDatabase(url, s -> s.execute("CREATE DATABASE " + Sql.identifier(sibling.database())
                + likeExisting(s.getConnection(), url.database())), "creating database " + sibling.database());
        return sibling;
    }

    /**
     * Puts {@code replacement} in the place of {@code url}'s database: both renames in one transaction, so there is
     * always a database of that name; then drops the old one.
     */
    static void replace(PostgresUrl url, PostgresUrl replacement) {
        String retired = siblingName(url.database(), "_partpal_old");
        drop(url.withDatabase(retired));
        onMaintenanceDatabase(url, s -> {
            Connection c = s.getConnection();
            boolean exists = exists(c, url.database());
            for (int attempt = 1; ; attempt++) {
                terminateSessions(c, url.database());
                c.setAutoCommit(false);
                try {
                    if (exists) {
                        s.execute("ALTER DATABASE " + Sql.identifier(url.database()) + " RENAME TO " + Sql.identifier(retired));
                    }
                    s.execute("ALTER DATABASE " + Sql.identifier(replacement.database()) + " RENAME TO "
                            + Sql.identifier(url.database()));
                    c.commit();
                    break;
                } catch (SQLException e) {
                    c.rollback();
                    if (attempt == RENAME_ATTEMPTS || !"55006".equals(e.getSQLState())) {
                        throw e;
                    }
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }, "swapping the restored database into " + url.database());
        drop(url.withDatabase(retired));
    }

    /** {@code name + suffix}, the name cut at a character boundary so that the whole fits PostgreSQL's 63 bytes. */
    static String siblingName(String name, String suffix) {
        int room = MAX_NAME_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > room) {
                break;
            }
            kept.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return kept + suffix;
    }

    private static String likeExisting(Connection c, String database) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_encoding_to_char(encoding), datcollate, datctype"
                + " FROM pg_database WHERE datname = ?")) {
            p.setString(1, database);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return "";
                }
                return " TEMPLATE template0 ENCODING " + Sql.literal(rs.getString(1)) + " LC_COLLATE "
                        + Sql.literal(rs.getString(2)) + " LC_CTYPE " + Sql.literal(rs.getString(3));
            }
        }
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            p.setString(1, database);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void terminateSessions(Connection c, String database) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
            p.setString(1, database);
            p.executeQuery().close();
        }
    }

    private interface StatementWork {
        void run(Statement statement) throws SQLException;
    }

    /** Database-level statements run from another database of the same server (postgres, or template1). */
    private static void onMaintenanceDatabase(PostgresUrl url, StatementWork work, String doing) {
        PostgresUrl maintenance = url.withDatabase("postgres".equals(url.database()) ? "template1" : "postgres");
        try (Connection c = PostgresPools.connect(maintenance); Statement s = c.createStatement()) {
            work.run(s);
        } catch (SQLException e) {
            throw failed(doing, e, url);
        }
    }

    static BackupFailedException failed(String doing, SQLException e, PostgresUrl url) {
        String message = e.getMessage() == null ? "unknown error" : e.getMessage().strip().lines().findFirst().orElse("");
        return new BackupFailedException(Secrets.mask(doing + ": " + message, url.password()), e);
    }
}
