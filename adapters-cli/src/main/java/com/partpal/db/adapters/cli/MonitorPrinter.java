package com.partpal.db.adapters.cli;

import com.partpal.db.application.port.monitoring.DatabaseMonitoring;
import com.partpal.db.application.port.monitoring.PostgresMonitoring;
import com.partpal.db.application.port.monitoring.SqliteMonitoring;

import java.util.Locale;

/** The monitor's figures as lines for a terminal. */
final class MonitorPrinter {
    private MonitorPrinter() {
    }

    static String text(DatabaseMonitoring figures) {
        StringBuilder out = new StringBuilder();
        if (figures instanceof PostgresMonitoring pg) {
            out.append("database: ").append(pg.database()).append('\n');
            out.append("size: ").append(pg.sizePretty()).append(" (").append(pg.sizeBytes()).append(" bytes)\n");
            out.append("connections by state: ").append(pg.connectionsByState()).append('\n');
            out.append("cache hit ratio: ").append(pg.cacheHitRatio() == null ? "n/a"
                    : String.format(Locale.ROOT, "%.4f", pg.cacheHitRatio())).append('\n');
            out.append("largest tables (total / table / indexes, bytes):\n");
            pg.largestTables().forEach(t -> out.append(String.format(Locale.ROOT, "  %s.%s  %s  %d / %d / %d%n",
                    t.schema(), t.table(), t.totalPretty(), t.totalBytes(), t.tableBytes(), t.indexBytes())));
            if (pg.slowQueries().available()) {
                out.append("slowest queries (mean ms, calls):\n");
                pg.slowQueries().queries().forEach(q -> out.append(String.format(Locale.ROOT, "  %.2f  %d  %s%n",
                        q.meanMillis(), q.calls(), q.query().replaceAll("\\s+", " "))));
            } else {
                out.append("slow queries: ").append(pg.slowQueries().reason()).append('\n');
            }
            PostgresMonitoring.PoolFigures pool = pg.pool();
            out.append(String.format(Locale.ROOT, "pool: active %d, idle %d, total %d, waiting %d, max %d",
                    pool.active(), pool.idle(), pool.total(), pool.waiting(), pool.max()));
            pg.notRead().forEach(line -> out.append('\n').append(line));
        } else if (figures instanceof SqliteMonitoring sqlite) {
            out.append("file: ").append(sqlite.file()).append(" (").append(sqlite.fileBytes()).append(" bytes)\n");
            out.append(String.format(Locale.ROOT, "pages: %d of %d bytes, %d free%n", sqlite.pageCount(),
                    sqlite.pageSize(), sqlite.freelistPages()));
            out.append("tables (rows):");
            sqlite.tables().forEach(t -> out.append("\n  ").append(t.table()).append("  ").append(t.rows()));
        }
        return out.toString();
    }
}
