package com.partpal.db.adapters.postgres.backup;

import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.connection.Secrets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the PostgreSQL client programs (pg_dump, pg_restore, psql) from a directory or from PATH. The connection goes
 * through the child's environment only (PGHOST, PGPASSWORD...), so the password is never on a command line.
 */
final class PgClientTools {
    private final Path binDir;
    private final Map<String, String> environment;

    /**
     * @param binDir      where the client programs are, or null to find them on PATH
     * @param environment the children's environment before the connection's variables are added
     */
    PgClientTools(Path binDir, Map<String, String> environment) {
        this.binDir = binDir;
        this.environment = environment;
    }

    /** The first line of {@code tool --version}; a missing tool is a BadInputException naming the fix. */
    String version(String tool, String fix) {
        Running run = start(tool, List.of("--version"), null, fix);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        run.drainTo(out);
        run.finish(tool + " --version");
        return out.toString(StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
    }

    /** Starts tool connected (through its environment) to url, or unconnected when url is null. */
    Running start(String tool, List<String> args, PostgresUrl url, String fix) {
        List<String> command = new ArrayList<>();
        command.add(binDir == null ? tool : binDir.resolve(tool).toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        if (url != null) {
            connectionEnvironment(builder.environment(), url);
        }
        try {
            return new Running(builder.start(), url == null ? null : url.password());
        } catch (IOException e) {
            throw new BadInputException(tool + " was not found " + (binDir == null ? "on PATH" : "in " + binDir)
                    + ": " + fix);
        }
    }

    /**
     * What the URL says goes into the libpq variables; what it does not say is left as inherited, so PGPASSWORD,
     * PGPASSFILE (or ~/.pgpass), PGSSLMODE and the PGSSL* files work as with psql.
     */
    static void connectionEnvironment(Map<String, String> env, PostgresUrl url) {
        env.put("PGHOST", url.host());
        env.put("PGPORT", Integer.toString(url.port()));
        env.put("PGDATABASE", url.database());
        env.put("PGAPPNAME", "partpal-db");
        env.put("PGTZ", "UTC");
        putIfSet(env, "PGUSER", url.user());
        putIfSet(env, "PGPASSWORD", url.password());
        putIfSet(env, "PGSSLMODE", url.sslmode());
        putIfSet(env, "PGCONNECT_TIMEOUT",
                url.connectTimeoutSeconds() == null ? null : url.connectTimeoutSeconds().toString());
        LibpqDefaults.FILE_PARAMETERS.forEach((param, variable) -> putIfSet(env, variable, url.otherParams().get(param)));
    }

    private static void putIfSet(Map<String, String> env, String key, String value) {
        if (value != null) {
            env.put(key, value);
        }
    }

    /** A started child: the caller feeds stdin and/or reads stdout, then calls finish. Stderr is kept for errors. */
    static final class Running {
        private static final int STDERR_LIMIT = 8192;
        private final Process process;
        private final String password;
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private final Thread stderrReader;

        private Running(Process process, String password) {
            this.process = process;
            this.password = password;
            this.stderrReader = new Thread(this::collectStderr, "stderr-reader");
            stderrReader.setDaemon(true);
            stderrReader.start();
        }

        private void collectStderr() {
            byte[] buffer = new byte[4096];
            try (InputStream in = process.getErrorStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (stderr) {
                        stderr.write(buffer, 0, Math.max(0, Math.min(n, STDERR_LIMIT - stderr.size())));
                    }
                }
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        }

        OutputStream stdin() {
            return process.getOutputStream();
        }

        InputStream stdout() {
            return process.getInputStream();
        }

        void drainTo(OutputStream out) {
            try (InputStream in = process.getInputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits for the child; a non-zero exit is a BackupFailedException with the child's (masked) error lines. */
        void finish(String doing) {
            try {
                process.getOutputStream().close();
                int exit = process.waitFor();
                stderrReader.join();
                if (exit != 0) {
                    throw new BackupFailedException(doing + " failed (exit " + exit + "): " + errors());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new BackupFailedException(doing + " was interrupted", e);
            }
        }

        /** Ends the child at once (after a failure on our side). */
        void kill() {
            process.destroyForcibly();
        }

        String errors() {
            String text;
            synchronized (stderr) {
                text = stderr.toString(StandardCharsets.UTF_8).strip();
            }
            String oneLine = String.join(" | ", text.lines().limit(5).toList());
            return oneLine.isEmpty() ? "(no message)" : Secrets.mask(oneLine, password);
        }
    }
}
