package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.connection.Secrets;
import com.partpal.db.domain.connection.TlsParameters;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.Driver;

import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connections to a PostgreSQL server from a {@link PostgresUrl}. Every session runs in UTC with ISO dates, so no
 * value depends on the JVM's or the server's time zone.
 */
public final class PostgresPools {
    public static final String APPLICATION_NAME = "partpal-db";
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final int DEFAULT_POOL_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    static final String SESSION_SETUP = "SET TimeZone TO 'UTC'; SET DateStyle TO 'ISO, YMD'";

    /**
     * The driver logs through java.util.logging to stderr (e.g. a failed host name check as a WARNING of its own,
     * before the exception partpal-db turns into its one error line): silenced, and held so the setting is not lost.
     */
    private static final Logger DRIVER_LOG = Logger.getLogger("org.postgresql");

    static {
        DRIVER_LOG.setLevel(Level.OFF);
    }

    private PostgresPools() {
    }

    /**
     * A HikariCP pool, checked by opening one connection. An unreachable server, a failed login or a missing
     * database is a BadInputException with one masked line.
     */
    public static HikariDataSource open(PostgresUrl url) {
        return open(url, config -> { });
    }

    /** Like {@link #open(PostgresUrl)}, with {@code tune} changing the pool's settings before it opens. */
    public static HikariDataSource open(PostgresUrl url, Consumer<HikariConfig> tune) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(APPLICATION_NAME);
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setDataSourceProperties(driverProperties(url));
        int size = url.connectionLimit() == null ? DEFAULT_POOL_SIZE : url.connectionLimit();
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        int poolTimeout = url.poolTimeoutSeconds() == null ? DEFAULT_POOL_TIMEOUT_SECONDS : url.poolTimeoutSeconds();
        config.setConnectionTimeout(poolTimeout * 1000L);
        config.setConnectionInitSql(SESSION_SETUP);
        config.setInitializationFailTimeout(1);
        tune.accept(config);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw cannotConnect(url, e);
        }
    }

    /** One unpooled connection with the same settings as the pool's. */
    public static Connection connect(PostgresUrl url) {
        Properties properties = driverProperties(url);
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        try {
            Connection connection = new Driver().connect(url.jdbcUrl(), properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute(SESSION_SETUP);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            throw cannotConnect(url, e);
        }
    }

    static Properties driverProperties(PostgresUrl url) {
        Properties properties = new Properties();
        properties.putAll(url.otherParams());
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        // becomes search_path, a list of names: quoted so case, spaces and commas survive. PgBouncer refuses a
        // search_path start-up parameter, so through it (pgbouncer=true) the default schema is left to the server's default
        if (!(url.pgbouncer() && PostgresUrl.DEFAULT_SCHEMA.equals(url.schema()))) {
            properties.setProperty("currentSchema", Sql.identifier(url.schema()));
        }
        // a server that accepts the connection and never answers must not hold a thread forever: the login (TCP
        // connect, TLS, authentication) gives up after connect_timeout seconds, 10 by default
        int connectTimeout = url.connectTimeoutSeconds() != null && url.connectTimeoutSeconds() > 0
                ? url.connectTimeoutSeconds() : DEFAULT_CONNECT_TIMEOUT_SECONDS;
        properties.setProperty("connectTimeout", Integer.toString(connectTimeout));
        properties.setProperty("loginTimeout", Integer.toString(connectTimeout));
        // libpq's and Prisma's TLS parameter names, in the driver's (libpq's) meaning
        for (String prismaOnly : new String[]{"sslidentity", "sslaccept"}) {
            properties.remove(prismaOnly);
        }
        TlsParameters.forDriver(url.sslmode(), url.otherParams()).forEach(properties::setProperty);
        String sslkey = properties.getProperty("sslkey");
        if (sslkey != null) {
            properties.setProperty("sslkey", DerClientKey.forDriver(sslkey));
        }
        if (url.pgbouncer()) {
            properties.setProperty("prepareThreshold", "0");
        }
        return properties;
    }

    static BadInputException cannotConnect(PostgresUrl url, Throwable failure) {
        return new BadInputException(Secrets.mask(
                "cannot connect to PostgreSQL at " + url.masked() + ": " + reason(url, failure), url.password()), failure);
    }

    private static String reason(PostgresUrl url, Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
            if (inner instanceof UnknownHostException) {
                return "unknown host " + inner.getMessage();
            }
            if (String.valueOf(inner.getMessage()).contains("could not be verified by hostnameverifier")) {
                return "the server's certificate is not for host " + url.host() + " (sslmode=verify-full): connect"
                        + " with a host name the certificate lists, or use sslmode=verify-ca";
            }
        }
        return PostgresException.firstLine(cause.getMessage());
    }
}
