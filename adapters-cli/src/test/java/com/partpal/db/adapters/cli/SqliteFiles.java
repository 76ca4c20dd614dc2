package com.partpal.db.adapters.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Builds small SQLite files for the CLI tests, one statement per argument. */
public final class SqliteFiles {
    private SqliteFiles() {
    }

    /** Runs the statements on {@code file} (created when missing); returns the file. */
    public static Path create(Path file, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        return file;
    }
}
