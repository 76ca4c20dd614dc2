package com.partpal.db.application.port.monitoring;

import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL database seen through its statistics views.
 *
 * @param database            the URL with its password masked
 * @param connectionsByState  pg_stat_activity sessions of this database by state (active, idle, ...)
 * @param cacheHitRatio       blks_hit / (blks_hit + blks_read), null before any block was read
 * @param pool                the HikariCP pool partpal-db holds for this database
 * @param notRead             the figures that could not be read (a lock held too long, a statement timed out), each
 *                            with why; their fields are empty
 */
public record PostgresMonitoring(String kind, String database, Map<String, Long> connectionsByState, long sizeBytes,
                                 String sizePretty, List<TableSize> largestTables, long blocksHit, long blocksRead,
                                 Double cacheHitRatio, SlowQueries slowQueries, PoolFigures pool, List<String> notRead)
        implements DatabaseMonitoring {
    public static final String KIND = "postgresql";

    /** The same figures with the pool's, taken once the monitor's own connection went back to the pool. */
    public PostgresMonitoring withPool(PoolFigures figures) {
        return new PostgresMonitoring(kind, database, connectionsByState, sizeBytes, sizePretty, largestTables,
                blocksHit, blocksRead, cacheHitRatio, slowQueries, figures, notRead);
    }

    public record TableSize(String schema, String table, long totalBytes, long tableBytes, long indexBytes,
                            String totalPretty) {
    }

    /** From pg_stat_statements, slowest mean time first; when unavailable, {@code reason} says why. */
    public record SlowQueries(boolean available, String reason, List<SlowQuery> queries) {
        public static SlowQueries unavailable(String reason) {
            return new SlowQueries(false, reason, List.of());
        }
    }

    public record SlowQuery(String query, long calls, double totalMillis, double meanMillis, long rows) {
    }

    public record PoolFigures(int active, int idle, int total, int waiting, int max) {
    }
}
