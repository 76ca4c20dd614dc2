package com.partpal.db.adapters.postgres;

import com.partpal.db.application.port.monitoring.PostgresMonitoring;
import com.partpal.db.application.port.monitoring.PostgresMonitoring.PoolFigures;
import com.partpal.db.application.port.monitoring.PostgresMonitoring.SlowQueries;
import com.partpal.db.application.port.monitoring.PostgresMonitoring.SlowQuery;
import com.partpal.db.application.port.monitoring.PostgresMonitoring.TableSize;
import com.partpal.db.application.port.monitoring.DatabaseMonitor;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.connection.Secrets;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Monitors PostgreSQL databases through pg_stat_activity, pg_stat_database, the size functions and (when installed)
 * pg_stat_statements, through {@link MonitoringPools} (bounded, idle ones closed); reports that pool's figures.
 */
public final class PostgresMonitor implements DatabaseMonitor, AutoCloseable {
    public static final String NO_STATEMENTS = "pg_stat_statements is not installed; CREATE EXTENSION pg_stat_statements"
            + " and add it to shared_preload_libraries";
    static final int LARGEST_TABLES = 10;
    static final int SLOW_QUERIES = 10;
    /** Utility statements reach pg_stat_statements verbatim: ALTER ROLE ... PASSWORD 'secret'. */
    private static final Pattern QUOTED_PASSWORD = Pattern.compile("(?i)(password\\s+)'(?:[^']|'')*'");

    private final MonitoringPools pools;

    /** With the default limits: 8 pools of 2 connections, closed after 5 idle minutes; 30 s statement timeout. */
    public PostgresMonitor() {
        this(8, 2, Duration.ofMinutes(5), Duration.ofSeconds(30));
    }

    /**
     * @param maxPools         the most databases monitored at once (one pool each), whatever number of URLs is asked about
     * @param poolSize         connections per pool
     * @param idleTimeout      a pool unused this long is closed
     * @param statementTimeout the longest a monitoring statement may run
     */
    public PostgresMonitor(int maxPools, int poolSize, Duration idleTimeout, Duration statementTimeout) {
        this(maxPools, poolSize, idleTimeout, statementTimeout, MonitoringPools.Settings.LOCK_TIMEOUT);
    }

    /** @param lockTimeout the longest a monitoring statement waits for a lock before that figure is given up */
    public PostgresMonitor(int maxPools, int poolSize, Duration idleTimeout, Duration statementTimeout,
                           Duration lockTimeout) {
        this.pools = new MonitoringPools(new MonitoringPools.Settings(maxPools, poolSize, idleTimeout, statementTimeout,
                lockTimeout));
    }

    /** How many monitoring pools are open now. */
    public int openPools() {
        return pools.size();
    }

    @Override
    public Optional<String> ping(String location, Duration timeout) {
        PostgresUrl url = PostgresUrl.parse(location);
        Properties properties = PostgresPools.driverProperties(url);
        int seconds = (int) Math.max(1, timeout.toSeconds());
        properties.setProperty("connectTimeout", Integer.toString(seconds));
        properties.setProperty("loginTimeout", Integer.toString(seconds));
        properties.setProperty("socketTimeout", Integer.toString(seconds));
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        try (Connection connection = new Driver().connect(url.jdbcUrl(), properties);
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            return Optional.of(Secrets.mask("PostgreSQL did not answer: " + PostgresException.firstLine(e.getMessage()),
                    url.password()));
        }
    }

    @Override
    public PostgresMonitoring inspect(String location) {
        PostgresUrl url = PostgresUrl.parse(location);
        try (MonitoringPools.Lease lease = pools.borrow(url)) {
            return inspect(url, lease.pool()).withPool(figures(lease.pool()));
        }
    }

    private PostgresMonitoring inspect(PostgresUrl url, HikariDataSource pool) {
        PostgresMonitoring seen;
        try (Connection connection = pool.getConnection()) {
            Map<String, Long> connections = connectionsByState(connection);
            long[] size = new long[1];
            String pretty = one(connection, "SELECT pg_database_size(current_database()) AS bytes,"
                    + " pg_size_pretty(pg_database_size(current_database())) AS pretty", rs -> {
                size[0] = rs.getLong("bytes");
                return rs.getString("pretty");
            });
            long[] blocks = one(connection, "SELECT blks_hit, blks_read FROM pg_stat_database"
                    + " WHERE datname = current_database()", rs -> new long[]{rs.getLong(1), rs.getLong(2)});
            long read = blocks[0] + blocks[1];
            List<String> notRead = new ArrayList<>();
            List<TableSize> largest = LockedTables.orNotRead(connection, "largest tables",
                    () -> largestTables(connection), List.of(), notRead);
            seen = new PostgresMonitoring(PostgresMonitoring.KIND, url.masked(), connections, size[0], pretty,
                    largest, blocks[0], blocks[1], read == 0 ? null : (double) blocks[0] / read,
                    slowQueries(connection, url.password()), null, List.copyOf(notRead));
        } catch (SQLException e) {
            throw PostgresException.of("cannot read the statistics of " + url.masked(), e, url.password());
        }
        return seen;
    }

    private static Map<String, Long> connectionsByState(Connection connection) throws SQLException {
        Map<String, Long> byState = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(state, 'unknown'), count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() GROUP BY 1 ORDER BY 1")) {
            while (rs.next()) {
                byState.put(rs.getString(1), rs.getLong(2));
            }
        }
        return byState;
    }

    private static List<TableSize> largestTables(Connection connection) throws SQLException {
        List<TableSize> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT n.nspname, c.relname, pg_total_relation_size(c.oid),"
                     + " pg_table_size(c.oid), pg_indexes_size(c.oid), pg_size_pretty(pg_total_relation_size(c.oid))"
                     + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                     + " AND n.nspname NOT LIKE 'pg\\_toast%' ORDER BY 3 DESC, 1, 2 LIMIT " + LARGEST_TABLES)) {
            while (rs.next()) {
                tables.add(new TableSize(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getString(6)));
            }
        }
        return tables;
    }

    private static SlowQueries slowQueries(Connection connection, String password) throws SQLException {
        boolean installed = one(connection, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'",
                rs -> rs.getLong(1) > 0);
        if (!installed) {
            return SlowQueries.unavailable(NO_STATEMENTS);
        }
        List<SlowQuery> queries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT query, calls, total_exec_time, mean_exec_time, rows"
                     + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                     + " ORDER BY mean_exec_time DESC LIMIT " + SLOW_QUERIES)) {
            while (rs.next()) {
                String query = QUOTED_PASSWORD.matcher(String.valueOf(rs.getString(1))).replaceAll("$1'****'");
                queries.add(new SlowQuery(Secrets.mask(query, password), rs.getLong(2), rs.getDouble(3),
                        rs.getDouble(4), rs.getLong(5)));
            }
        } catch (SQLException e) {
            // installed but not preloaded, or no permission: say so instead of failing the whole report
            return SlowQueries.unavailable(Secrets.mask("pg_stat_statements is installed but cannot be read: "
                    + PostgresException.firstLine(e.getMessage()), password));
        }
        return new SlowQueries(true, null, queries);
    }

    private static PoolFigures figures(HikariDataSource pool) {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        return new PoolFigures(bean.getActiveConnections(), bean.getIdleConnections(), bean.getTotalConnections(),
                bean.getThreadsAwaitingConnection(), pool.getMaximumPoolSize());
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T one(Connection connection, String sql, Row<T> row) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return row.read(rs);
        }
    }

    @Override
    public void close() {
        pools.close();
    }
}
