package com.partpal.db.adapters.postgres;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs groups of statements, up to jobs groups at a time, each group in order on its own pooled connection with
 * raised maintenance_work_mem (index and constraint builds sort a lot). The first failure stops the rest.
 */
final class ParallelSql {
    static final String MAINTENANCE_SETUP = "SET maintenance_work_mem TO '256MB'";

    private final DataSource pool;
    private final String password;

    ParallelSql(DataSource pool, String password) {
        this.pool = pool;
        this.password = password;
    }

    void run(List<List<String>> groups, int jobs) {
        List<List<String>> work = groups.stream().filter(group -> !group.isEmpty()).toList();
        if (work.isEmpty()) {
            return;
        }
        int threads = Math.max(1, Math.min(jobs, work.size()));
        if (threads == 1) {
            work.forEach(this::runGroup);
            return;
        }
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "partpal-db-ddl");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            work.forEach(group -> futures.add(executor.submit(() -> runGroup(group))));
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            executor.shutdownNow();
        }
    }

    private void runGroup(List<String> group) {
        String current = MAINTENANCE_SETUP;
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(MAINTENANCE_SETUP);
            for (String sql : group) {
                current = sql;
                statement.execute(sql);
            }
            statement.execute("RESET maintenance_work_mem");
        } catch (SQLException e) {
            throw PostgresException.of("failed: " + abbreviate(current), e, password);
        }
    }

    static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
