package com.partpal.db.adapters.sqlite;

import com.partpal.db.application.port.TransientFailure;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.SqliteLocation;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A SQLite database file checked to exist and to look like SQLite, opened read-only: the URI's mode=ro plus
 * SQLITE_OPEN_READONLY, and no PRAGMA that writes (journal mode, WAL, vacuum) is ever issued.
 */
final class SqliteFile {
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int BUSY_TIMEOUT_MS = 2000;

    private final Path path;
    /** The copy reads go to when the file cannot be read in place (see RecoveredCopy), or null. */
    private volatile RecoveredCopy copy;

    private SqliteFile(Path path) {
        this.path = path;
    }

    static SqliteFile check(SqliteLocation location) {
        Path path = Path.of(location.path()).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            throw new BadInputException("not a SQLite database (a directory): " + path);
        }
        if (!Files.exists(path)) {
            throw new BadInputException("SQLite database not found: " + path);
        }
        byte[] header = new byte[HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new BadInputException("cannot read SQLite database: " + path + " (" + e.getMessage() + ")", e);
        }
        if (read == 0) {
            throw new BadInputException("not a SQLite database (empty file): " + path);
        }
        if (read < HEADER.length || !Arrays.equals(header, HEADER)) {
            throw new BadInputException("not a SQLite database (no SQLite header: another kind of file, or an"
                    + " encrypted database): " + path);
        }
        return new SqliteFile(path);
    }

    Path path() {
        return path;
    }

    /** The path, and when reads go to a private copy, why. */
    String describe() {
        RecoveredCopy current = copy;
        return current == null ? path.toString() : path + " (read from a private copy: " + current.why() + ")";
    }

    /** Deletes the private copy, if one was made. */
    void close() {
        RecoveredCopy current = copy;
        if (current != null) {
            current.delete();
        }
    }

    Connection openReadOnly() {
        try {
            return open(copy == null ? path : copy.database());
        } catch (SQLException e) {
            if (copy == null && recoverableInCopy(e)) {
                return open();
            }
            throw failure(e);
        }
    }

    /** Retries in a private copy: synchronized so that parallel first opens make one copy. */
    private synchronized Connection open() {
        if (copy == null) {
            copy = RecoveredCopy.hasSibling(path, "-journal")
                    ? RecoveredCopy.of(path, "-journal", "a hot rollback journal, rolled back in the copy")
                    : RecoveredCopy.of(path, "-wal", "its -wal file in a read-only directory, read in the copy");
        }
        try {
            return open(copy.database());
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** SQLite needs to write next to the file to read it (SQLITE_READONLY_* or SQLITE_CANTOPEN with a journal or WAL). */
    private boolean recoverableInCopy(SQLException e) {
        int code = e instanceof SQLiteException s ? s.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
        return (code == 8 && RecoveredCopy.hasSibling(path, "-journal"))
                || ((code == 14 || code == 8) && RecoveredCopy.hasSibling(path, "-wal"));
    }

    private static Connection open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file.toUri() + "?mode=ro");
            UnknownCollations.register(connection);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the open failed already; that failure is the one reported
            }
        }
    }

    /** SQLITE_BUSY or SQLITE_LOCKED: a writer holds the file; migrate tries again a moment later. */
    static final class Locked extends BadInputException implements TransientFailure {
        Locked(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One clear line for what went wrong with this file. */
    RuntimeException failure(SQLException e) {
        int code = e instanceof SQLiteException s ? s.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
        switch (code) {
            case 26:
                return new BadInputException("not a SQLite database: " + path, e);
            case 11:
                return new BadInputException("corrupt SQLite database: " + path, e);
            case 5:
            case 6:
                return new Locked("SQLite database is locked by another process (a writer holds it; retry when it"
                        + " is done, or migrate a copy made with sqlite3 .backup): " + path, e);
            case 14:
                return new BadInputException("cannot open SQLite database (no permission to read it or its"
                        + " directory?): " + path, e);
            case 8:
                return new BadInputException("cannot read SQLite database without writing to it: " + path, e);
            case 1:
                if (e.getMessage() != null && e.getMessage().contains("no such collation")) {
                    return new BadInputException("SQLite database uses a collation partpal-db cannot read: " + path
                            + " (" + e.getMessage().replaceFirst("^\\[\\w+\\] ", "") + ")", e);
                }
                return new IllegalStateException("SQLite error on " + path + ": " + e.getMessage(), e);
            default:
                return new IllegalStateException("SQLite error on " + path + ": " + e.getMessage(), e);
        }
    }
}
