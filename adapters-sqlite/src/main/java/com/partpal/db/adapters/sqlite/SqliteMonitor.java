package com.partpal.db.adapters.sqlite;

import com.partpal.db.application.port.monitoring.SqliteMonitoring;
import com.partpal.db.application.port.monitoring.SqliteMonitoring.TableRows;
import com.partpal.db.application.port.monitoring.DatabaseMonitor;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.SqliteLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Monitors a SQLite file, read-only: its size, pages, free pages and the row counts of its tables. */
public final class SqliteMonitor implements DatabaseMonitor {
    static final int MAX_TABLES = 100;

    @Override
    public Optional<String> ping(String location, Duration timeout) {
        try {
            SqliteFile file = SqliteFile.check(SqliteLocation.parse(location));
            try (Connection connection = file.openReadOnly(); Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT count(*) FROM sqlite_master").close();
                return Optional.empty();
            } catch (SQLException e) {
                throw file.failure(e);
            }
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public SqliteMonitoring inspect(String location) {
        SqliteFile file = SqliteFile.check(SqliteLocation.parse(location));
        try (Connection connection = file.openReadOnly()) {
            List<TableRows> tables = new ArrayList<>();
            for (String table : tableNames(connection)) {
                tables.add(new TableRows(table, number(connection, "SELECT count(*) FROM " + SqliteNames.quote(table))));
            }
            return new SqliteMonitoring(SqliteMonitoring.KIND, file.path().toString(), Files.size(file.path()),
                    number(connection, "PRAGMA page_count"), number(connection, "PRAGMA page_size"),
                    number(connection, "PRAGMA freelist_count"), tables);
        } catch (SQLException e) {
            throw file.failure(e);
        } catch (IOException e) {
            throw new BadInputException("cannot read the size of " + file.path() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> tableNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                     + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name LIMIT " + MAX_TABLES)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static long number(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
