package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.partpal.db.adapters.cli.ApiClient.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * serve in a JVM of its own, stopped with SIGTERM while a migration loads: the migration ends interrupted saying what
 * its target holds, the event stream gets its final event, and the process exits 0 within the grace period.
 */
@Timeout(240)
class ServeGracefulStopTest {
    private static final String TOKEN = "stop-token-0123456789";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static HttpResponse<String> send(String base, String method, String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sigtermInterruptsTheRunningMigrationSendsTheFinalEventAndExitsZero() throws Exception {
        Path sample = dir.resolve("sample.db");
        assertEquals(0, PartpalDb.execute(new String[]{"sample", sample.toString(), "--rows", "40000"}));
        PostgresUrl target = SharedPostgres.freshDatabase();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path config = dir.resolve("serve.properties");
        Files.writeString(config, "partpal.http.grace-period=20s\npartpal.http.events-interval=100ms\n"
                + "partpal.http.allowed.sources=" + dir + "\n");
        Path jobs = dir.resolve("jobs");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), PartpalDb.class.getName(), "serve",
                "--port", Integer.toString(port), "--data-dir", jobs.toString(), "--config", config.toString()));
        builder.environment().put("PARTPAL_DB_TOKEN", TOKEN);
        builder.redirectErrorStream(true);
        Process serve = builder.start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(output::add);
            } catch (Exception e) {
                output.add("reading failed: " + e);
            }
        });
        try {
            String base = "http://127.0.0.1:" + port;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (output.stream().noneMatch(l -> l.contains("HTTP API on")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(output.stream().anyMatch(l -> l.contains("HTTP API on")), String.join("\n", output));

            HttpResponse<String> started = send(base, "POST", "/api/migrations", "{\"from\": \"" + sample + "\", \"to\": \""
                    + target.connectionString() + "\", \"options\": {\"batchSize\": 50, \"jobs\": 1}}");
            assertEquals(202, started.statusCode(), started.body());
            String id = field(started.body(), "id");
            CompletableFuture<String> events = CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + id
                    + "/events")).header("Authorization", "Bearer " + TOKEN).GET().build(),
                    HttpResponse.BodyHandlers.ofLines()).thenApply(r -> r.body().collect(Collectors.joining("\n")));
            while (!send(base, "GET", "/api/jobs/" + id, null).body().contains("\"phase\":\"loading tables\"")) {
                Thread.sleep(50);
            }

            long stopping = System.nanoTime();
            serve.destroy(); // SIGTERM
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), String.join("\n", output));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
            reading.get(10, TimeUnit.SECONDS);
            assertEquals(0, serve.exitValue(), String.join("\n", output));
            assertTrue(tookMillis < 25_000, "stopped within the grace period: " + tookMillis + " ms");
            System.out.println("serve stopped on SIGTERM in " + tookMillis + " ms");

            String stream = events.get(10, TimeUnit.SECONDS);
            String last = stream.substring(stream.lastIndexOf("event:"));
            assertTrue(last.startsWith("event: finished"), stream);
            assertTrue(last.contains("\"state\":\"interrupted\""), last);
            assertTrue(last.contains("the server stopped while it ran; migration cancelled; the target"), last);
            String saved = Files.readString(jobs.resolve(id + ".json"));
            assertTrue(saved.contains("\"state\":\"INTERRUPTED\"") || saved.contains("\"state\":\"interrupted\""), saved);
            assertTrue(saved.contains("is incomplete"), saved);
        } finally {
            serve.destroyForcibly();
        }
    }
}
