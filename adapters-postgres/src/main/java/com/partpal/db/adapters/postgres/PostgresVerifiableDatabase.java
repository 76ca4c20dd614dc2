package com.partpal.db.adapters.postgres;

import com.partpal.db.application.port.RowCursor;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.types.TargetType;
import com.partpal.db.domain.verify.CanonicalValue;
import com.partpal.db.domain.verify.StoredColumn;
import com.partpal.db.domain.verify.StoredTable;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One schema of a PostgreSQL database read for verification: the catalog (see {@link PostgresCatalog}) and rows in
 * key order through server-side cursors. Text keys are ordered COLLATE "C" (by UTF-8 bytes, as SQLite orders them).
 * Nothing is written.
 */
public final class PostgresVerifiableDatabase implements VerifiableDatabase {
    private final PostgresUrl url;
    private final HikariDataSource pool;
    private volatile List<StoredTable> tables;

    private PostgresVerifiableDatabase(PostgresUrl url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
    }

    /** Connects (BadInputException with one masked line when that fails). */
    public static PostgresVerifiableDatabase open(PostgresUrl url) {
        return new PostgresVerifiableDatabase(url, PostgresPools.open(url));
    }

    @Override
    public String describe() {
        return url.masked();
    }

    @Override
    public Optional<SourceDatabase> migrationSource() {
        return Optional.empty();
    }

    @Override
    public List<StoredTable> storedTables() {
        List<StoredTable> read = tables;
        if (read == null) {
            try (Connection c = pool.getConnection()) {
                read = PostgresCatalog.read(c, url.schema());
            } catch (SQLException e) {
                throw failure("reading the schema " + url.schema(), e);
            }
            tables = read;
        }
        return read;
    }

    @Override
    public long countRows(String table) {
        stored(table);
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + Sql.qualified(url.schema(), table))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("counting " + table, e);
        }
    }

    @Override
    public RowCursor readOrdered(String table, List<String> columns, List<String> orderBy) {
        StoredTable stored = stored(table);
        TargetType[] kinds = columns.stream().map(c -> kind(stored, c)).toArray(TargetType[]::new);
        String order = orderBy.stream().map(c -> Sql.identifier(c) + (collatable(stored, c) ? " COLLATE \"C\"" : "")
                + " NULLS FIRST").collect(Collectors.joining(", "));
        String select = "SELECT " + (columns.isEmpty() ? "1" : Sql.identifiers(columns)) + " FROM "
                + Sql.qualified(url.schema(), table) + (order.isEmpty() ? "" : " ORDER BY " + order);
        try {
            return new PostgresRowCursor(pool.getConnection(), select, kinds, e -> failure("reading " + table, e));
        } catch (SQLException e) {
            throw failure("reading " + table, e);
        }
    }

    /** The named table (BadInputException if the schema has none: a name the user gave, not a server failure). */
    private StoredTable stored(String table) {
        return storedTables().stream().filter(t -> t.name().equals(table)).findFirst()
                .orElseThrow(() -> new BadInputException("no table " + table + " in " + describe()));
    }

    private static StoredColumn column(StoredTable table, String name) {
        return table.columns().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + name + " in " + table.name()));
    }

    private static TargetType kind(StoredTable table, String column) {
        return CanonicalValue.kindOf(column(table, column).type());
    }

    private static boolean collatable(StoredTable table, String column) {
        String type = column(table, column).type().toLowerCase(Locale.ROOT);
        return type.equals("text") || type.startsWith("character") || type.startsWith("varchar");
    }

    private RuntimeException failure(String doing, SQLException e) {
        return PostgresException.of(doing + " in " + url.masked(), e, url.password());
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "PostgreSQL " + describe();
    }
}
