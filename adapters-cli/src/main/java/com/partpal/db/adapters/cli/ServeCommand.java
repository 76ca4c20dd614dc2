package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.cli.wiring.JobsWiring;
import com.partpal.db.adapters.http.ApiServer;
import com.partpal.db.adapters.http.GracefulStop;
import io.micronaut.runtime.server.EmbeddedServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the HTTP API (see docs/http-api.md) until stopped.",
                "Every endpoint but /api/health needs 'Authorization: Bearer $PARTPAL_DB_TOKEN'; without it, one is generated and printed once."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${sys:user.home}/.partpal-db/jobs",
            description = "Where the job history is kept across restarts (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A .properties file, e.g. scheduled backups: partpal.schedules.<name>.cron/.database/.directory/.keep-last/.keep-days.")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        String token = System.getenv("PARTPAL_DB_TOKEN");
        if (token == null || token.isBlank()) {
            token = generateToken();
            System.out.println("PARTPAL_DB_TOKEN (shown once): " + token);
        }
        Map<String, Object> properties = new HashMap<>(ConfigFile.read(config));
        properties.put(JobsWiring.DATA_DIR, dataDir.toAbsolutePath().toString());
        EmbeddedServer server = ApiServer.start(host, port, token, properties);
        System.out.println("partpal-db HTTP API on " + server.getURL() + "/api (Ctrl-C stops it)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = new Runnable() {
            private boolean started;

            @Override
            public synchronized void run() {
                if (!started) {
                    started = true;
                    server.getApplicationContext().getBean(GracefulStop.class).stop();
                    server.getApplicationContext().close();
                    stopped.countDown();
                }
            }
        };
        StopSignals.onTermOrInt(stop);
        stopped.await();
        System.out.println("partpal-db HTTP API stopped");
        return 0;
    }

    static String generateToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
