package com.partpal.db.adapters.postgres;

import com.partpal.db.application.port.monitoring.HealthFigures;
import com.partpal.db.application.port.monitoring.HealthFigures.LockWait;
import com.partpal.db.application.port.monitoring.HealthFigures.Replica;
import com.partpal.db.application.port.monitoring.HealthFigures.Replication;
import com.partpal.db.application.port.monitoring.HealthFigures.Session;
import com.partpal.db.application.port.monitoring.HealthFigures.TableBloat;
import com.partpal.db.application.port.monitoring.HealthFigures.TableVacuum;
import com.partpal.db.application.port.monitoring.HealthMonitor;
import com.partpal.db.domain.connection.PostgresUrl;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Health figures from pg_stat_activity, pg_stat_user_tables, pg_stats, pg_database and pg_stat_replication, on one
 * short connection. Sessions of other roles show only with pg_monitor (or superuser), as PostgreSQL decides.
 */
public final class PostgresHealthReader implements HealthMonitor {
    static final int TOP = 10;
    /** As the monitoring pools' sessions: 30 s for a statement, 2 s waiting for a lock. */
    static final String SESSION_TIMEOUTS = "SET statement_timeout = '30s'; SET lock_timeout = '2s'";
    private static final String CLIENTS = "backend_type = 'client backend' AND pid <> pg_backend_pid()";

    @Override
    public HealthFigures health(String location) {
        PostgresUrl url = PostgresUrl.parse(location);
        try (Connection c = PostgresPools.connect(url)) {
            try (Statement s = c.createStatement()) {
                s.execute(SESSION_TIMEOUTS); // a catalogue or statistics read never hangs behind a lock
            }
            long inUse = number(c, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'");
            long usable = number(c, "SELECT current_setting('max_connections')::int"
                    + " - current_setting('superuser_reserved_connections')::int"
                    + " - coalesce(current_setting('reserved_connections', true)::int, 0)");
            return new HealthFigures(inUse, usable,
                    sessions(c, "state = 'active'", "query_start"),
                    sessions(c, "state IN ('idle in transaction', 'idle in transaction (aborted)')", "state_change"),
                    lockWaits(c), vacuum(c), bloat(c),
                    number(c, "SELECT age(datfrozenxid) FROM pg_database WHERE datname = current_database()"),
                    replication(c));
        } catch (SQLException e) {
            throw PostgresException.of("cannot read the health of " + url.masked(), e, url.password());
        }
    }

    private static List<Session> sessions(Connection c, String condition, String since) throws SQLException {
        List<Session> sessions = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pid, usename, application_name,"
                + " datname, extract(epoch FROM now() - " + since + ")::float8 AS seconds FROM pg_stat_activity WHERE "
                + CLIENTS + " AND " + condition + " AND " + since + " IS NOT NULL ORDER BY seconds DESC LIMIT " + TOP)) {
            while (rs.next()) {
                sessions.add(new Session(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5)));
            }
        }
        return sessions;
    }

    private static List<LockWait> lockWaits(Connection c) throws SQLException {
        List<LockWait> waits = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pid, usename, application_name,"
                + " extract(epoch FROM now() - coalesce(query_start, state_change))::float8 AS seconds,"
                + " pg_blocking_pids(pid) FROM pg_stat_activity WHERE " + CLIENTS + " AND wait_event_type = 'Lock'"
                + " ORDER BY seconds DESC LIMIT " + TOP)) {
            while (rs.next()) {
                Array blockers = rs.getArray(5);
                List<Integer> blockedBy = blockers == null ? List.of()
                        : Arrays.stream((Integer[]) blockers.getArray()).toList();
                waits.add(new LockWait(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getDouble(4), blockedBy));
            }
        }
        return waits;
    }

    private static List<TableVacuum> vacuum(Connection c) throws SQLException {
        List<TableVacuum> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT schemaname, relname, n_live_tup,"
                + " n_dead_tup, CASE WHEN n_live_tup + n_dead_tup > 0 THEN n_dead_tup::float8 / (n_live_tup + n_dead_tup)"
                + " ELSE 0 END, greatest(last_vacuum, last_autovacuum)::text,"
                + " extract(epoch FROM now() - coalesce(greatest(last_vacuum, last_autovacuum),"
                + " (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()),"
                + " pg_postmaster_start_time()))::float8 / 3600"
                + " FROM pg_stat_user_tables ORDER BY n_dead_tup DESC, 1, 2 LIMIT " + TOP)) {
            while (rs.next()) {
                tables.add(new TableVacuum(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getDouble(5), rs.getString(6), rs.getDouble(7)));
            }
        }
        return tables;
    }

    /** Expected pages: rows x (28 bytes of tuple header and line pointer + the average row width) / usable page. */
    private static List<TableBloat> bloat(Connection c) throws SQLException {
        List<TableBloat> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n.nspname, c.relname,"
                + " c.relpages::bigint * b.bs AS bytes, greatest(0, c.relpages - ceil(c.reltuples * (28 + st.width)"
                + " / (b.bs - 24)))::bigint * b.bs AS bloat FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN (SELECT schemaname, tablename, sum((1 - null_frac) * avg_width) AS width FROM pg_stats"
                + " GROUP BY 1, 2) st ON st.schemaname = n.nspname AND st.tablename = c.relname"
                + " CROSS JOIN (SELECT current_setting('block_size')::bigint AS bs) b"
                + " WHERE c.relkind IN ('r', 'm') AND c.reltuples > 0 AND c.relpages > 0"
                + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY bloat DESC, 1, 2 LIMIT " + TOP)) {
            while (rs.next()) {
                long bytes = rs.getLong(3);
                long bloat = rs.getLong(4);
                tables.add(new TableBloat(rs.getString(1), rs.getString(2), bytes, bloat, bytes == 0 ? 0 : (double) bloat / bytes));
            }
        }
        return tables;
    }

    private static Replication replication(Connection c) throws SQLException {
        if (number(c, "SELECT pg_is_in_recovery()::int") == 1) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8")) {
                rs.next();
                double lag = rs.getDouble(1);
                return new Replication(true, rs.wasNull() ? null : lag, List.of());
            }
        }
        List<Replica> replicas = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT application_name, state,"
                + " extract(epoch FROM replay_lag)::float8, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint"
                + " FROM pg_stat_replication ORDER BY 1")) {
            while (rs.next()) {
                double lag = rs.getDouble(3);
                Double lagSeconds = rs.wasNull() ? null : lag;
                long bytes = rs.getLong(4);
                replicas.add(new Replica(rs.getString(1), rs.getString(2), lagSeconds, rs.wasNull() ? null : bytes));
            }
        }
        return new Replication(false, null, replicas);
    }

    private static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
