package com.partpal.db.adapters.cli;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.partpal.db.adapters.cli.ApiClient.field;
import static com.partpal.db.adapters.cli.ApiClient.writeSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hung database (a socket that accepts and never answers) must not freeze the API: while requests that need it
 * wait for their timeouts on worker threads, health, jobs, metrics and the OpenAPI document keep answering at once;
 * then each of those requests ends with a clear answer and every job in a final state.
 */
@Timeout(120)
class HttpHungDatabaseTest {
    private static final String TOKEN = "hung-token-0123456789";
    private static final String PASSWORD = "hung-secret-0123";
    @RegisterExtension
    static final ApiClient API = new ApiClient(TOKEN);

    @TempDir
    static Path dir;
    static ServerSocket hung;
    static final List<Socket> held = Collections.synchronizedList(new ArrayList<>());
    static String hungUrl;
    static EmbeddedServer server;
    static Path sample;

    @BeforeAll
    static void start() throws IOException {
        hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!hung.isClosed()) {
                try {
                    held.add(hung.accept()); // accepted, never read from or written to
                } catch (IOException e) {
                    return;
                }
            }
        }, "hung-database");
        acceptor.setDaemon(true);
        acceptor.start();
        hungUrl = "postgresql://app:" + PASSWORD + "@127.0.0.1:" + hung.getLocalPort() + "/partpal";
        API.keepSecret(PASSWORD);
        server = API.startServer(Map.of("partpal.databases.hung.url", hungUrl));
        sample = writeSample(server, dir.resolve("sample.db"), 100);
    }

    @AfterAll
    static void stop() throws IOException {
        hung.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return API.send(server, method, path, body);
    }

    @Test
    void healthAndTheRestOfTheApiAnswerWhileRequestsWaitOnTheHungDatabase() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            String encoded = URLEncoder.encode(hungUrl, StandardCharsets.UTF_8);
            List<Future<HttpResponse<String>>> waiting = new ArrayList<>();
            for (Callable<HttpResponse<String>> call : List.<Callable<HttpResponse<String>>>of(
                    () -> send("GET", "/api/health/ready", null),
                    () -> send("GET", "/api/monitoring?db=hung", null),
                    () -> send("GET", "/api/monitoring?db=" + encoded, null),
                    () -> send("POST", "/api/verifications", "{\"from\": \"" + sample + "\", \"to\": \"" + hungUrl
                            + "\"}"),
                    () -> send("POST", "/api/migrations", "{\"from\": \"" + sample + "\", \"to\": \"" + hungUrl
                            + "\"}"))) {
                waiting.add(clients.submit(call));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (held.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(held.size() >= 4, "the requests reached the hung database: " + held.size());

            List<Long> millis = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (String path : List.of("/api/health", "/api/jobs", "/metrics", "/api/openapi.yml", "/api/jobs/x")) {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = send("GET", path, null);
                    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    millis.add(took);
                    assertTrue(answer.statusCode() == 200 || answer.statusCode() == 404, path + " " + answer.statusCode());
                    assertTrue(took < 2000, path + " took " + took + " ms while the database hangs");
                }
            }
            Collections.sort(millis);
            System.out.printf("with a hung database: %d requests, median %d ms, p99 %d ms, max %d ms%n", millis.size(),
                    millis.get(millis.size() / 2), millis.get(millis.size() * 99 / 100), millis.get(millis.size() - 1));

            HttpResponse<String> ready = waiting.get(0).get(30, TimeUnit.SECONDS);
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("\"name\":\"hung\",\"status\":\"DOWN\""), ready.body());
            for (int i = 1; i <= 3; i++) {
                HttpResponse<String> refused = waiting.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(400, refused.statusCode(), refused.body());
                assertTrue(refused.body().contains("application/problem+json") || refused.headers()
                        .firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            }
            HttpResponse<String> migration = waiting.get(4).get(30, TimeUnit.SECONDS);
            assertEquals(202, migration.statusCode(), migration.body());
            String job = API.awaitFinished(server, field(migration.body(), "id"));
            assertEquals("failed", field(job, "state"), job);
            assertTrue(field(job, "error").contains("127.0.0.1:" + hung.getLocalPort()), job);
        } finally {
            clients.shutdownNow();
        }
    }
}
