package com.partpal.db.adapters.sqlite;

import com.partpal.db.domain.connection.SqliteLocation;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Builds small SQLite files for tests, one statement per argument. */
final class TestDatabases {
    static final Path FIXTURE = Path.of("/work/shared/fixtures/partpal-dev.db");

    private TestDatabases() {
    }

    static Path create(Path file, String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    /** Creates the file from the statements and opens it as the adapter does. */
    static SqliteSourceDatabase open(Path file, List<String> statements) {
        return SqliteSourceDatabase.open(new SqliteLocation(create(file, statements.toArray(String[]::new)).toString()));
    }
}
