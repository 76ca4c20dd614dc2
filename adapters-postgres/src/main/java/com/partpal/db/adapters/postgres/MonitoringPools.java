package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import com.zaxxer.hikari.HikariDataSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The monitoring pools: one small HikariCP pool per database identity and login (so localhost and 127.0.0.1 share
 * one), at most {@code maxPools} of them whatever number of URLs is asked about. A new database beyond the cap closes
 * the pool used longest ago that no request is using; pools idle for {@code idleTimeout} are closed. Every monitoring
 * statement has a timeout. Opening a pool (a network round trip) never holds the lock.
 */
final class MonitoringPools implements AutoCloseable {
    /**
     * maxPools pools of at most connectionsPerPool connections; statements time out after statementTimeout, and give
     * up waiting for a lock (one held ACCESS EXCLUSIVE by a migration or an ALTER TABLE) after lockTimeout.
     */
    record Settings(int maxPools, int connectionsPerPool, Duration idleTimeout, Duration statementTimeout,
                    Duration lockTimeout) {
        /** The default lock timeout: 2 s. */
        static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);

        Settings(int maxPools, int connectionsPerPool, Duration idleTimeout, Duration statementTimeout) {
            this(maxPools, connectionsPerPool, idleTimeout, statementTimeout, LOCK_TIMEOUT);
        }

        static final Settings DEFAULTS = new Settings(8, 2, Duration.ofMinutes(5), Duration.ofSeconds(30));

        Settings {
            if (maxPools < 1 || connectionsPerPool < 1) {
                throw new IllegalArgumentException("monitoring needs at least one pool of one connection");
            }
        }
    }

    private static final class Entry {
        final HikariDataSource pool;
        int inUse;
        long lastUsedNanos = System.nanoTime();

        Entry(HikariDataSource pool) {
            this.pool = pool;
        }
    }

    /** A pool borrowed for one request; closing it hands it back. */
    interface Lease extends AutoCloseable {
        HikariDataSource pool();

        @Override
        void close();
    }

    private final Settings settings;
    private final Map<String, Entry> pools = new LinkedHashMap<>(16, 0.75f, true);
    private final ScheduledExecutorService sweeper;
    private int opening;

    MonitoringPools(Settings settings) {
        this.settings = settings;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "partpal-monitoring-pools");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1000, settings.idleTimeout().toMillis() / 2);
        sweeper.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.MILLISECONDS);
    }

    Lease borrow(PostgresUrl url) {
        String key = key(url);
        synchronized (this) {
            Entry existing = pools.get(key);
            if (existing != null) {
                return lease(existing);
            }
            closeIdle();
            while (pools.size() + opening >= settings.maxPools() && closeLeastRecentlyUsed()) {
                // made room
            }
            if (pools.size() + opening >= settings.maxPools()) {
                throw new BadInputException("the server already monitors " + settings.maxPools() + " databases at once "
                        + "(partpal.monitoring.max-pools); try again when a request ends");
            }
            opening++;
        }
        HikariDataSource pool;
        try {
            pool = open(url);
        } finally {
            synchronized (this) {
                opening--;
            }
        }
        synchronized (this) {
            Entry raced = pools.get(key);
            if (raced != null) {
                pool.close();
                return lease(raced);
            }
            Entry entry = new Entry(pool);
            pools.put(key, entry);
            return lease(entry);
        }
    }

    synchronized int size() {
        return pools.size();
    }

    private HikariDataSource open(PostgresUrl url) {
        long statementMillis = settings.statementTimeout().toMillis();
        return PostgresPools.open(url, config -> {
            config.setPoolName(PostgresPools.APPLICATION_NAME + "-monitoring");
            config.setMaximumPoolSize(settings.connectionsPerPool());
            config.setMinimumIdle(0);
            config.setIdleTimeout(Math.max(10_000, settings.idleTimeout().toMillis()));
            config.setConnectionInitSql(PostgresPools.SESSION_SETUP + "; SET statement_timeout = " + statementMillis
                    + "; SET lock_timeout = " + settings.lockTimeout().toMillis());
            // a server that stops answering mid-statement: the socket gives up a little after the statement would
            config.addDataSourceProperty("socketTimeout", Long.toString(statementMillis / 1000 + 5));
        });
    }

    private Lease lease(Entry entry) {
        entry.inUse++;
        return new Lease() {
            private boolean returned;

            @Override
            public HikariDataSource pool() {
                return entry.pool;
            }

            @Override
            public void close() {
                synchronized (MonitoringPools.this) {
                    if (!returned) {
                        returned = true;
                        entry.inUse--;
                        entry.lastUsedNanos = System.nanoTime();
                    }
                }
            }
        };
    }

    private synchronized void closeIdle() {
        long now = System.nanoTime();
        Iterator<Entry> all = pools.values().iterator();
        while (all.hasNext()) {
            Entry entry = all.next();
            if (entry.inUse == 0 && now - entry.lastUsedNanos >= settings.idleTimeout().toNanos()) {
                entry.pool.close();
                all.remove();
            }
        }
    }

    /** Closes the least recently used pool no request is using; false when every pool is in use. */
    private boolean closeLeastRecentlyUsed() {
        Iterator<Entry> oldestFirst = pools.values().iterator();
        while (oldestFirst.hasNext()) {
            Entry entry = oldestFirst.next();
            if (entry.inUse == 0) {
                entry.pool.close();
                oldestFirst.remove();
                return true;
            }
        }
        return false;
    }

    /** The database identity and the login, the password as a hash (the key is kept in memory, never shown). */
    private static String key(PostgresUrl url) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(url.password()).getBytes(StandardCharsets.UTF_8));
            return ServerIdentity.of(url) + " as " + url.user() + " " + HexFormat.of().formatHex(hash)
                    + " " + url.sslmode() + " " + url.otherParams();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        synchronized (this) {
            pools.values().forEach(entry -> entry.pool.close());
            pools.clear();
        }
    }
}
