package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.connection.PostgresUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL 15 server on a free 127.0.0.1 port, with password authentication for the superuser
 * {@code postgres}. Started from the bundled binaries; works as root too (the server then runs as an unprivileged
 * user). {@link #close()} stops it and deletes its data; a JVM shutdown hook does the same if close is never called.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    public static final String SUPERUSER = "postgres";
    private static final int START_ATTEMPTS = 5;
    private static final String SETTINGS = String.join("\n",
            "",
            "# partpal-db embedded server: throwaway data, so durability is traded for speed",
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = ''",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            "wal_level = minimal",
            "max_wal_senders = 0",
            "max_wal_size = '4GB'",
            "autovacuum = off",
            "max_connections = 60",
            "# so that CREATE EXTENSION pg_stat_statements gives monitor its slow queries",
            "shared_preload_libraries = 'pg_stat_statements'",
            "");

    private final UnixUser runAs;
    private final Path bin;
    private final Path baseDir;
    private final Path dataDir;
    private final int port;
    private final String password;
    private final Thread shutdownHook;
    private boolean stopped;

    private EmbeddedPostgres(UnixUser runAs, Path bin, Path baseDir, int port, String password) {
        this.runAs = runAs;
        this.bin = bin;
        this.baseDir = baseDir;
        this.dataDir = baseDir.resolve("data");
        this.port = port;
        this.password = password;
        this.shutdownHook = new Thread(this::stop, "partpal-db-embedded-postgres-stop");
    }

    /** Writes into a fresh data directory before the server starts (settings, pg_hba.conf, certificates). */
    @FunctionalInterface
    public interface Setup {
        void configure(Path dataDir) throws IOException;
    }

    /** Starts a new server; failures carry the tail of the server log. */
    public static EmbeddedPostgres start() {
        return start(dataDir -> { });
    }

    /** Starts a new server configured by {@code setup} after initdb; the files it writes are given to the server's user. */
    public static EmbeddedPostgres start(Setup setup) {
        Path bin = PostgresBinaries.bundled().resolve("bin");
        UnixUser runAs = UnixUser.forServer();
        Path baseDir;
        try {
            baseDir = Files.createTempDirectory("partpal-db-pg-data-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the embedded PostgreSQL", e);
        }
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        try {
            runAs.makeTraversable(baseDir.getParent());
            initialise(runAs, bin, baseDir, password);
            try {
                setup.configure(baseDir.resolve("data"));
                runAs.own(baseDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot configure the embedded PostgreSQL in " + baseDir, e);
            }
            return startOnFreePort(runAs, bin, baseDir, password);
        } catch (RuntimeException e) {
            FileTrees.deleteQuietly(baseDir);
            throw e;
        }
    }

    private static void initialise(UnixUser runAs, Path bin, Path baseDir, String password) {
        Path passwordFile = baseDir.resolve("pwfile");
        try {
            Files.writeString(passwordFile, password + "\n");
            runAs.own(baseDir);
            Path log = baseDir.resolve("initdb.log");
            int exit = Processes.run(runAs.command(bin.resolve("initdb").toString(), "-D", baseDir.resolve("data").toString(),
                    "-U", SUPERUSER, "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8",
                    "--no-locale", "--no-sync"), log, 120);
            if (exit != 0) {
                throw new IllegalStateException("initdb of the embedded PostgreSQL failed (exit " + exit + "): "
                        + Processes.tail(log));
            }
            Files.writeString(baseDir.resolve("data/postgresql.conf"), SETTINGS, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded PostgreSQL in " + baseDir, e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                // the directory is private to the server user and removed on close
            }
        }
    }

    private static EmbeddedPostgres startOnFreePort(UnixUser runAs, Path bin, Path baseDir, String password) {
        String failure = "";
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freePort();
            EmbeddedPostgres server = new EmbeddedPostgres(runAs, bin, baseDir, port, password);
            Path log = server.dataDir.resolve("postgres.log");
            int exit = server.pgCtl("start", "-w", "-t", "120", "-l", log.toString(), "-o", "-p " + port);
            if (exit == 0) {
                Runtime.getRuntime().addShutdownHook(server.shutdownHook);
                return server;
            }
            failure = Processes.tail(log);
            server.pgCtl("stop", "-m", "immediate", "-w");
            if (!failure.contains("could not bind") && !failure.contains("in use")) {
                break;
            }
        }
        throw new IllegalStateException("the embedded PostgreSQL did not start: " + failure);
    }

    private int pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString()));
        command.addAll(List.of(arguments));
        return Processes.run(runAs.command(command.toArray(String[]::new)), baseDir.resolve("pg_ctl.log"), 180);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** The superuser's URL for the {@code postgres} database. */
    public PostgresUrl url() {
        return PostgresUrl.of("127.0.0.1", port, "postgres", SUPERUSER, password);
    }

    public int port() {
        return port;
    }

    /** Creates a database (the name is quoted, so any name works) and returns its URL. */
    public PostgresUrl createDatabase(String name) {
        try (Connection connection = PostgresPools.connect(url()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + Sql.identifier(name));
        } catch (SQLException e) {
            throw PostgresException.of("cannot create database " + Sql.identifier(name), e, password);
        }
        return url().withDatabase(name);
    }

    /**
     * Stops the server (fast shutdown: sessions are ended with admin_shutdown), waits {@code down}, and starts it again
     * on the same port and data: what a server restart looks like to its clients (used by the retry tests).
     */
    public synchronized void restart(Duration down) {
        if (stopped) {
            throw new IllegalStateException("the embedded PostgreSQL is stopped");
        }
        pgCtl("stop", "-m", "fast", "-w", "-t", "60");
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path log = dataDir.resolve("postgres.log");
        int exit = pgCtl("start", "-w", "-t", "120", "-l", log.toString(), "-o", "-p " + port);
        if (exit != 0) {
            throw new IllegalStateException("the embedded PostgreSQL did not start again: " + Processes.tail(log));
        }
    }

    /** Stops the server (fast shutdown) and deletes its data directory. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs stop(), which is idempotent
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        pgCtl("stop", "-m", "fast", "-w", "-t", "60");
        FileTrees.deleteQuietly(baseDir);
    }

    /** Runs a command with its output in a file. */
    static final class Processes {
        private Processes() {
        }

        static int run(List<String> command, Path output, int timeoutSeconds) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return -1;
                }
                return process.exitValue();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + command.get(0), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + command.get(0), e);
            }
        }

        /** The last lines of a log file, joined with " | " so the message stays on one line. */
        static String tail(Path log) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join(" | ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            } catch (IOException e) {
                return "(no log at " + log + ")";
            }
        }
    }
}
