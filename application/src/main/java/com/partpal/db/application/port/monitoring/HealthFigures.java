package com.partpal.db.application.port.monitoring;

import java.util.List;

/**
 * A PostgreSQL server's health as `monitor` shows it and `monitor --check` judges it. Sessions are named by pid,
 * user and application, never by their query text (which may hold secrets).
 *
 * @param connectionsInUse    every backend of the server with a client (pg_stat_activity), all databases
 * @param usableConnections   max_connections minus the reserved ones
 * @param longRunning         active queries running longer than a minute, longest first
 * @param idleInTransaction   sessions idle in a transaction, longest first
 * @param lockWaits           sessions waiting for a lock, longest first, with the pids blocking them
 * @param vacuum              tables with the most dead tuples (this database)
 * @param bloat               tables with the most estimated bloat (this database)
 * @param xidAge              age(datfrozenxid) of this database: transaction ID wraparound comes at about 2 billion
 * @param replication         replicas seen from a primary, or the lag of a standby
 */
public record HealthFigures(long connectionsInUse, long usableConnections, List<Session> longRunning,
                            List<Session> idleInTransaction, List<LockWait> lockWaits, List<TableVacuum> vacuum,
                            List<TableBloat> bloat, long xidAge, Replication replication) {

    public record Session(int pid, String user, String application, String database, double seconds) {
    }

    public record LockWait(int pid, String user, String application, double seconds, List<Integer> blockedBy) {
    }

    /** {@code hoursSinceVacuum}: since the last (auto)vacuum, else since statistics began. */
    public record TableVacuum(String schema, String table, long liveTuples, long deadTuples, double deadRatio,
                              String lastVacuum, double hoursSinceVacuum) {
    }

    /** Estimated from pg_stats' average row widths and pg_class's pages: ANALYZEd tables only. */
    public record TableBloat(String schema, String table, long bytes, long bloatBytes, double ratio) {
    }

    /** {@code standby}: whether this server replays WAL; {@code standbyLagSeconds}: its replay delay, else null. */
    public record Replication(boolean standby, Double standbyLagSeconds, List<Replica> replicas) {
    }

    public record Replica(String name, String state, Double replayLagSeconds, Long lagBytes) {
    }
}
