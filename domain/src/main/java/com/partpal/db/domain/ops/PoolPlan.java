package com.partpal.db.domain.ops;

import com.partpal.db.domain.BadInputException;

import java.util.List;

/**
 * How many connections each layer may open, for N app instances behind one PgBouncer in transaction mode:
 * the server's working set comes from its cores, the app's pools from that working set. Pure arithmetic; every
 * figure has its line in {@link #arithmetic()}.
 *
 * @param limits                 the server's limits
 * @param appInstances           app instances (processes with their own Prisma pool)
 * @param maintenance            connections kept free for migrations, pg_dump, monitoring and an admin psql
 * @param available              what ordinary roles may open: max_connections - reserved - maintenance
 * @param workingSet             cores * 2 + 1 (the PostgreSQL wiki's rule: more active backends than that only queue on CPU)
 * @param serverConnections      PgBouncer's default_pool_size and max_db_connections: min(available, workingSet)
 * @param clientLimit            connection_limit per app instance through PgBouncer
 * @param maxClientConn          PgBouncer's max_client_conn
 * @param directLimit            connection_limit per app instance when the app connects directly (no PgBouncer)
 * @param poolTimeoutSeconds     Prisma's pool_timeout, and PgBouncer's query_wait_timeout
 */
public record PoolPlan(ServerLimits limits, int appInstances, int maintenance, int available, int workingSet,
                       int serverConnections, int clientLimit, int maxClientConn, int directLimit,
                       int poolTimeoutSeconds) {
    public static final int MAINTENANCE_CONNECTIONS = 5;
    public static final int POOL_TIMEOUT_SECONDS = 10;
    /** Old and new instances are connected at once during a rolling deploy. */
    static final int DEPLOY_OVERLAP = 2;
    /** Client slots beyond the app's: psql, monitoring, a cron job. */
    static final int EXTRA_CLIENTS = 10;

    public static PoolPlan of(ServerLimits limits, int appInstances) {
        if (appInstances < 1) {
            throw new BadInputException("--app-instances must be at least 1, got " + appInstances);
        }
        int available = limits.maxConnections() - limits.reserved() - MAINTENANCE_CONNECTIONS;
        if (available < 1) {
            throw new BadInputException("max_connections " + limits.maxConnections() + " leaves no connection for the app"
                    + " after " + limits.reserved() + " reserved and " + MAINTENANCE_CONNECTIONS
                    + " for maintenance: raise max_connections");
        }
        int workingSet = limits.cores() * 2 + 1;
        int server = Math.min(available, workingSet);
        int clientLimit = Math.max(1, ceilDiv(2 * server, appInstances));
        int maxClientConn = DEPLOY_OVERLAP * appInstances * clientLimit + EXTRA_CLIENTS;
        int directLimit = Math.max(1, Math.min(available / (DEPLOY_OVERLAP * appInstances), ceilDiv(workingSet, appInstances)));
        return new PoolPlan(limits, appInstances, MAINTENANCE_CONNECTIONS, available, workingSet, server, clientLimit,
                maxClientConn, directLimit, POOL_TIMEOUT_SECONDS);
    }

    /** True when even the direct plan gives each instance fewer than two connections: PgBouncer is needed. */
    public boolean directTooSmall() {
        return available / (DEPLOY_OVERLAP * appInstances) < 2;
    }

    /** The arithmetic behind every figure, one line each. */
    public List<String> arithmetic() {
        ServerLimits l = limits;
        String reservedText = l.reservedConnections() == 0 ? l.superuserReserved() + " superuser_reserved_connections"
                : l.superuserReserved() + " superuser_reserved_connections + " + l.reservedConnections() + " reserved_connections";
        return List.of(
                "available to the app = max_connections " + l.maxConnections() + " - " + reservedText + " - "
                        + maintenance + " kept for migrations, pg_dump, monitoring and psql = " + available,
                "working set = cores " + l.cores() + " (" + l.coresSource() + ") * 2 + 1 = " + workingSet
                        + " (more active backends only queue for CPU and disk)",
                "default_pool_size = max_db_connections = min(available " + available + ", working set " + workingSet
                        + ") = " + serverConnections,
                "connection_limit through PgBouncer = ceil(2 * " + serverConnections + " / " + appInstances
                        + " app instance(s)) = " + clientLimit + " (clients are cheap: PgBouncer queues them)",
                "max_client_conn = " + DEPLOY_OVERLAP + " (rolling deploy: old and new instances) * " + appInstances + " * "
                        + clientLimit + " + " + EXTRA_CLIENTS + " for psql, monitoring and cron = " + maxClientConn,
                "connection_limit without PgBouncer = min(floor(" + available + " / (" + DEPLOY_OVERLAP + " * "
                        + appInstances + ")), ceil(" + workingSet + " / " + appInstances + ")) = " + directLimit,
                "pool_timeout = query_wait_timeout = " + poolTimeoutSeconds
                        + " s (a request that cannot get a connection in that time should fail, not pile up)");
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
