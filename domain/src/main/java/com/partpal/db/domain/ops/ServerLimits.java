package com.partpal.db.domain.ops;

/**
 * What a PostgreSQL server allows and runs on, as read from it (or given by the user).
 *
 * @param maxConnections      max_connections
 * @param superuserReserved   superuser_reserved_connections
 * @param reservedConnections reserved_connections (PostgreSQL 16+, for pg_use_reserved_connections), 0 before
 * @param cores               CPU cores of the server's machine
 * @param coresSource         where the core count came from, shown next to it (e.g. "--cores", "/proc/cpuinfo on the server")
 */
public record ServerLimits(int maxConnections, int superuserReserved, int reservedConnections, int cores,
                           String coresSource) {
    public ServerLimits {
        if (maxConnections < 1 || superuserReserved < 0 || reservedConnections < 0 || cores < 1) {
            throw new IllegalArgumentException("server limits must be positive");
        }
    }

    /** Connections ordinary roles can never use. */
    public int reserved() {
        return superuserReserved + reservedConnections;
    }
}
