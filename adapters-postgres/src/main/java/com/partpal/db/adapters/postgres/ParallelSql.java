package com.partpal.db.adapters.postgres;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs groups of statements (or any work), up to jobs at a time, each group in order on its own pooled connection
 * with raised maintenance_work_mem (index and constraint builds sort a lot). The first failure stops the rest.
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
        forEach(groups.stream().filter(group -> !group.isEmpty()).toList(), jobs, (group, session) -> {
            for (String sql : group) {
                session.execute(sql);
            }
        });
    }

    /** One pooled connection's statements; a failure names the statement (abbreviated, password masked). */
    final class Session {
        private final Statement statement;

        private Session(Statement statement) {
            this.statement = statement;
        }

        void execute(String sql) {
            try {
                statement.execute(sql);
            } catch (SQLException e) {
                throw PostgresException.of("failed: " + abbreviate(sql), e, password);
            }
        }

        /** Runs sql; a failure with the given SQLSTATE returns false instead of throwing. */
        boolean executeUnless(String sqlState, String sql) {
            try {
                statement.execute(sql);
                return true;
            } catch (SQLException e) {
                if (sqlState.equals(e.getSQLState())) {
                    return false;
                }
                throw PostgresException.of("failed: " + abbreviate(sql), e, password);
            }
        }

        <R> List<R> query(String sql, RowMapper<R> mapper) {
            List<R> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            } catch (SQLException e) {
                throw PostgresException.of("failed: " + abbreviate(sql), e, password);
            }
            return rows;
        }
    }

    interface RowMapper<R> {
        R map(ResultSet rs) throws SQLException;
    }

    interface Work<T> {
        void run(T item, Session session);
    }

    /** Runs work on every item, up to jobs at a time, each on its own pooled connection. */
    <T> void forEach(List<T> items, int jobs, Work<T> work) {
        if (items.isEmpty()) {
            return;
        }
        int threads = Math.max(1, Math.min(jobs, items.size()));
        if (threads == 1) {
            items.forEach(item -> runOne(item, work));
            return;
        }
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "partpal-db-ddl");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            items.forEach(item -> futures.add(executor.submit(() -> runOne(item, work))));
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

    private <T> void runOne(T item, Work<T> work) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            Session session = new Session(statement);
            session.execute(MAINTENANCE_SETUP);
            work.run(item, session);
            session.execute("RESET maintenance_work_mem");
        } catch (SQLException e) {
            throw PostgresException.of("no connection to build keys and indexes", e, password);
        }
    }

    static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
