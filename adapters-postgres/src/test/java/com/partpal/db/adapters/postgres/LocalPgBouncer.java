package com.partpal.db.adapters.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real PgBouncer (the Debian package's /usr/sbin/pgbouncer) started on loopback from a given directory holding
 * pgbouncer.ini and userlist.txt; as root it runs as the embedded server's unprivileged user (PgBouncer refuses root).
 */
public final class LocalPgBouncer implements AutoCloseable {
    private final Process process;
    private final Path log;

    private LocalPgBouncer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static Path binary() {
        for (String candidate : new String[]{"/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("pgbouncer is not installed (Debian: apt-get install pgbouncer; .ci/run does it)");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts PgBouncer with dir/pgbouncer.ini and waits until it accepts connections on 127.0.0.1:port. */
    public static LocalPgBouncer start(Path dir, int port) throws IOException, InterruptedException {
        UnixUser user = UnixUser.forServer();
        user.makeTraversable(dir.getParent());
        user.own(dir);
        Path log = dir.resolve("pgbouncer.log");
        Process process = new ProcessBuilder(user.command(binary().toString(), dir.resolve("pgbouncer.ini").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalPgBouncer bouncer = new LocalPgBouncer(process, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbouncer exited " + process.exitValue() + ": " + bouncer.log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return bouncer;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        bouncer.close();
        throw new IllegalStateException("pgbouncer did not listen on " + port + ": " + bouncer.log());
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy); // pgbouncer itself when runuser started it
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
