package com.partpal.db.adapters.postgres;

import com.partpal.db.application.port.ops.LoadTarget;
import com.partpal.db.domain.connection.PostgresUrl;
import com.zaxxer.hikari.HikariDataSource;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A PartPal-like catalogue (categories, parts with a unique SKU and a name index) in a schema of its own with a random
 * name, so no existing object is touched; statements are prepared (unnamed through PgBouncer: pgbouncer=true).
 */
public final class PostgresLoadTarget implements LoadTarget {
    static final int CATEGORIES = 50;

    private final PostgresUrl url;
    private final HikariDataSource pool;
    private final String schema;

    private PostgresLoadTarget(PostgresUrl url, HikariDataSource pool, String schema) {
        this.url = url;
        this.pool = pool;
        this.schema = schema;
    }

    public static PostgresLoadTarget open(String location, int connections) {
        PostgresUrl given = PostgresUrl.parse(location);
        PostgresUrl sized = new PostgresUrl(given.host(), given.port(), given.database(), given.user(), given.password(),
                given.schema(), connections, given.poolTimeoutSeconds(), given.connectTimeoutSeconds(), given.sslmode(),
                given.pgbouncer(), given.otherParams());
        String schema = "partpal_loadtest_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        return new PostgresLoadTarget(given, PostgresPools.open(sized), schema);
    }

    @Override
    public String createdObjects() {
        return "schema " + schema + " in " + url.masked();
    }

    @Override
    public void prepare(int rows) {
        String s = schema;
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + s);
            st.execute("CREATE TABLE " + s + ".categories (id int PRIMARY KEY, name text NOT NULL)");
            st.execute("CREATE TABLE " + s + ".parts (id bigserial PRIMARY KEY, category_id int NOT NULL REFERENCES "
                    + s + ".categories, sku text NOT NULL UNIQUE, name text NOT NULL, stock int NOT NULL,"
                    + " price numeric(10,2) NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())");
            st.execute("INSERT INTO " + s + ".categories SELECT g, 'category ' || g FROM generate_series(1, " + CATEGORIES + ") g");
            st.execute("INSERT INTO " + s + ".parts (id, category_id, sku, name, stock, price) SELECT g, 1 + g % "
                    + CATEGORIES + ", 'SKU-' || g, 'part ' || md5(g::text), g % 100, (g % 1000) / 10.0"
                    + " FROM generate_series(1, " + rows + ") g");
            st.execute("SELECT setval(pg_get_serial_sequence('" + s + ".parts', 'id'), " + rows + ")");
            st.execute("CREATE INDEX ON " + s + ".parts (category_id)");
            st.execute("CREATE INDEX ON " + s + ".parts (name text_pattern_ops)");
            st.execute("ANALYZE " + s + ".categories, " + s + ".parts");
        } catch (SQLException e) {
            throw PostgresException.of("cannot create " + createdObjects(), e, url.password());
        }
    }

    @Override
    public void run(Operation operation, long key) {
        try (Connection c = pool.getConnection()) {
            switch (operation) {
                case READ_PART -> query(c, "SELECT p.id, p.sku, p.name, p.stock, p.price, c.name FROM " + schema
                        + ".parts p JOIN " + schema + ".categories c ON c.id = p.category_id WHERE p.id = ?", key);
                case SEARCH_PARTS -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT id, sku, name, stock FROM " + schema
                            + ".parts WHERE name LIKE ? ORDER BY name LIMIT 20")) {
                        ps.setString(1, String.format("part %02x%%", key % 256));
                        drain(ps);
                    }
                }
                case CATEGORY_COUNTS -> query(c, "SELECT count(*), sum(stock) FROM " + schema
                        + ".parts WHERE category_id = ?", 1 + key % CATEGORIES);
                case ADD_PART -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema
                            + ".parts (category_id, sku, name, stock, price) VALUES (?, ?, ?, ?, ?)")) {
                        ps.setLong(1, 1 + key % CATEGORIES);
                        ps.setString(2, "LT-" + UUID.randomUUID());
                        ps.setString(3, "part added " + key);
                        ps.setLong(4, key % 100);
                        ps.setBigDecimal(5, java.math.BigDecimal.valueOf(key % 1000, 1));
                        ps.executeUpdate();
                    }
                }
                case UPDATE_STOCK -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE " + schema
                            + ".parts SET stock = stock + 1, updated_at = now() WHERE id = ?")) {
                        ps.setLong(1, key);
                        ps.executeUpdate();
                    }
                }
                default -> throw new IllegalArgumentException(operation.name());
            }
        } catch (SQLException e) {
            throw PostgresException.of(operation.name().toLowerCase(), e, url.password());
        }
    }

    private static void query(Connection c, String sql, long parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, parameter);
            drain(ps);
        }
    }

    private static void drain(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }

    @Override
    public void cleanUp() {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw PostgresException.of("cannot drop " + createdObjects(), e, url.password());
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
