package com.partpal.db.domain.ops;

import com.partpal.db.domain.BadInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recommended postgresql.conf settings for a web app's database (many short queries, a pooled app), from the
 * machine and the pool plan. The rules are the widely used pgtune "web application" ones; each recommendation
 * carries its reason.
 */
public final class Tuning {
    private static final long KB = 1024;
    private static final long MB = 1024 * KB;
    private static final long GB = 1024 * MB;

    public enum Storage { SSD, HDD }

    /** One setting: value in postgresql.conf's syntax, and whether a restart is needed (else a reload). */
    public record Recommendation(String name, String value, String reason, boolean restart) {
    }

    private Tuning() {
    }

    /**
     * @param memoryBytes the server machine's memory (for PostgreSQL's share: give less on a shared machine)
     * @param plan        the pool plan (its cores and server connections)
     */
    public static List<Recommendation> recommend(long memoryBytes, Storage storage, PoolPlan plan) {
        if (memoryBytes < 256 * MB) {
            throw new BadInputException("--memory must be at least 256MB, got " + size(memoryBytes));
        }
        int cores = plan.limits().cores();
        int needed = plan.serverConnections() + plan.maintenance() + plan.limits().reserved();
        int maxConnections = Math.max(20, (int) Math.ceil(needed * 1.5));
        long sharedBuffers = wholeMegabytes(memoryBytes / 4);
        long walBuffers = Math.min(16 * MB, Math.max(64 * KB, sharedBuffers * 3 / 100));
        long workMem = Math.max(4 * MB, wholeMegabytes((memoryBytes - sharedBuffers) / (maxConnections * 3L)));
        long maintenance = Math.min(2 * GB, wholeMegabytes(memoryBytes / 16));
        boolean ssd = storage == Storage.SSD;
        List<Recommendation> out = new ArrayList<>();
        out.add(new Recommendation("max_connections", Integer.toString(maxConnections), "1.5 x (PgBouncer's "
                + plan.serverConnections() + " server connections + " + plan.maintenance() + " maintenance + "
                + plan.limits().reserved() + " reserved = " + needed + "); every connection costs memory, so no more", true));
        out.add(new Recommendation("shared_buffers", size(sharedBuffers), "25% of " + size(memoryBytes)
                + ": the rest is left to the OS page cache", true));
        out.add(new Recommendation("effective_cache_size", size(wholeMegabytes(memoryBytes * 3 / 4)), "75% of " + size(memoryBytes)
                + ": shared_buffers plus the OS cache the planner may count on", false));
        out.add(new Recommendation("work_mem", size(workMem), "(memory - shared_buffers) / (max_connections "
                + maxConnections + " x 3 sorts or hashes each), at least 4MB", false));
        out.add(new Recommendation("maintenance_work_mem", size(maintenance), "1/16 of memory, at most 2GB:"
                + " faster CREATE INDEX, VACUUM and partpal-db's index builds", false));
        out.add(new Recommendation("wal_buffers", size(walBuffers), "3% of shared_buffers, at most 16MB", true));
        out.add(new Recommendation("min_wal_size", "1GB", "keeps WAL segments for bursts of writes", false));
        out.add(new Recommendation("max_wal_size", "4GB", "fewer forced checkpoints under write load", false));
        out.add(new Recommendation("checkpoint_completion_target", "0.9", "spreads checkpoint writes over the interval", false));
        out.add(new Recommendation("random_page_cost", ssd ? "1.1" : "4", ssd ? "SSD: random reads cost about"
                + " as much as sequential ones, so indexes are used" : "HDD: random reads cost a seek", false));
        out.add(new Recommendation("effective_io_concurrency", ssd ? "200" : "2", ssd ? "SSD: many concurrent"
                + " reads in flight" : "HDD: one spindle", false));
        out.add(new Recommendation("default_statistics_target", "100", "the default, good for a web app's"
                + " short queries; raise per column for skewed data", false));
        out.add(new Recommendation("max_worker_processes", Integer.toString(Math.max(8, cores)), "at least the "
                + cores + " cores", true));
        out.add(new Recommendation("max_parallel_workers", Integer.toString(cores), "one per core", false));
        out.add(new Recommendation("max_parallel_workers_per_gather", Integer.toString(Math.max(1, Math.min(4, cores / 2))),
                "half the cores, at most 4: short web queries gain little from more", false));
        return out;
    }

    /** Rounded down to whole megabytes: the settings read better and nothing depends on the last kilobyte. */
    static long wholeMegabytes(long bytes) {
        return bytes / MB * MB;
    }

    /** Bytes in postgresql.conf units: the largest of GB, MB, kB that divides evenly. */
    public static String size(long bytes) {
        if (bytes % GB == 0) {
            return bytes / GB + "GB";
        }
        if (bytes % MB == 0) {
            return bytes / MB + "MB";
        }
        return Math.max(1, bytes / KB) + "kB";
    }

    /** Parses 512MB, 16GB, 2048kB or a plain number of megabytes, as --memory takes them. */
    public static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        long unit = MB;
        for (String[] suffix : new String[][]{{"TB", Long.toString(1024 * GB)}, {"GB", Long.toString(GB)},
                {"MB", Long.toString(MB)}, {"KB", Long.toString(KB)}, {"G", Long.toString(GB)}, {"M", Long.toString(MB)}}) {
            if (t.endsWith(suffix[0])) {
                unit = Long.parseLong(suffix[1]);
                t = t.substring(0, t.length() - suffix[0].length());
                break;
            }
        }
        try {
            return Math.round(Double.parseDouble(t) * unit);
        } catch (NumberFormatException e) {
            throw new BadInputException("--memory must be a size like 8GB or 512MB, got '" + text + "'");
        }
    }

    /** An ALTER SYSTEM script: writes postgresql.auto.conf, then reloads; settings needing a restart say so. */
    public static String alterSystemScript(List<Recommendation> recommendations) {
        StringBuilder sql = new StringBuilder("-- generated by partpal-db tune; run as a superuser, e.g. psql -f\n");
        for (Recommendation r : recommendations) {
            sql.append("ALTER SYSTEM SET ").append(r.name()).append(" = '").append(r.value()).append("';")
                    .append(r.restart() ? "  -- needs a restart" : "").append('\n');
        }
        sql.append("SELECT pg_reload_conf();\n");
        return sql.toString();
    }
}
