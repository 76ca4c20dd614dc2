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
            throw new BadInputException("not a SQLite database: " + path);
        }
        return new SqliteFile(path);
    }

    Path path() {
        return path;
    }

    Connection openReadOnly() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        try {
            return config.createConnection("jdbc:sqlite:" + path.toUri() + "?mode=ro");
        } catch (SQLException e) {
            throw failure(e);
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
                return new Locked("SQLite database is locked by another process: " + path, e);
            case 14:
                return new BadInputException("cannot open SQLite database: " + path, e);
            default:
                return new IllegalStateException("SQLite error on " + path + ": " + e.getMessage(), e);
        }
    }
}
