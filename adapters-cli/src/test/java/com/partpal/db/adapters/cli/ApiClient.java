package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.http.ApiServer;
import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.application.port.SampleDataWriter;
import com.partpal.db.domain.connection.PostgresUrl;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP API tests' client: a real java.net.http client that sends with the bearer token (or another one, or none),
 * keeps every body it receives, and checks at the end that none shows a password of the databases it handed out.
 * Registered as a JUnit extension ({@code @RegisterExtension static final ApiClient API}) it also starts the real API
 * servers of the test class with that token, and after all its tests stops those still running, then checks.
 */
final class ApiClient implements AfterAllCallback {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String TEMP = System.getProperty("java.io.tmpdir");

    private final String token;
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> passwords = ConcurrentHashMap.newKeySet();
    private final List<EmbeddedServer> servers = Collections.synchronizedList(new ArrayList<>());
    private final List<Path> watchedDirectories = Collections.synchronizedList(new ArrayList<>());

    ApiClient(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    /** A running API server on a free local port that takes this client's token, stopped after all tests. */
    EmbeddedServer startServer(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        for (String allowed : List.of("partpal.http.allowed.sources", "partpal.http.allowed.backups",
                "partpal.http.allowed.restore-targets")) {
            all.putIfAbsent(allowed, TEMP); // the tests' files are under @TempDir directories
        }
        EmbeddedServer server = ApiServer.start("127.0.0.1", 0, token, all);
        servers.add(server);
        return server;
    }

    EmbeddedServer startServer() {
        return startServer(Map.of());
    }

    /** Writes the sample SQLite database ({@code rows} parts) to {@code file} with the server's own writer. */
    static Path writeSample(EmbeddedServer with, Path file, int rows) {
        with.getApplicationContext().getBean(SampleDataWriter.class).write(file, rows, false);
        return file;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        synchronized (servers) {
            for (EmbeddedServer server : servers) {
                if (server.getApplicationContext().isRunning()) {
                    server.getApplicationContext().close();
                }
            }
        }
        assertNoPasswordShown();
        synchronized (watchedDirectories) {
            for (Path directory : watchedDirectories) {
                assertNoPasswordIn(directory);
            }
        }
    }

    /** The files a server writes to {@code directory} are checked for passwords after all tests, once it stopped. */
    void checkAtTheEnd(Path directory) {
        watchedDirectories.add(directory);
    }

    /** A request to {@code on} carrying {@code bearer} (no Authorization header when null). */
    HttpRequest.Builder request(EmbeddedServer on, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(on.getURL() + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    HttpResponse<String> send(EmbeddedServer on, String method, String path, String body, String bearer)
            throws Exception {
        HttpRequest request = request(on, path, bearer).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        bodies.add(response.body());
        return response;
    }

    HttpResponse<String> send(EmbeddedServer on, String method, String path, String body) throws Exception {
        return send(on, method, path, body, token);
    }

    /** Any other request (e.g. a stream of events); the caller hands what it reads to {@link #received}. */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws Exception {
        return CLIENT.send(request, handler);
    }

    /** Text read from a response outside {@code send}, checked for passwords at the end like every body. */
    void received(String text) {
        bodies.add(text);
    }

    /** A fresh database; its URL carries the embedded server's random password, which no response may show. */
    PostgresUrl freshDatabase() {
        PostgresUrl url = SharedPostgres.freshDatabase();
        keepSecret(url.password());
        return url;
    }

    void keepSecret(String password) {
        assertTrue(password != null && password.length() >= 8, "a real password");
        passwords.add(password);
    }

    boolean showsAPassword(String text) {
        return passwords.stream().anyMatch(text::contains);
    }

    void assertNoPasswordShown() {
        assertFalse(passwords.isEmpty(), "the test handed out a password to look for");
        synchronized (bodies) {
            for (String body : bodies) {
                assertFalse(showsAPassword(body), "a response shows a password: " + body);
            }
        }
    }

    void assertNoPasswordIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> all = files.toList();
            assertFalse(all.isEmpty(), directory + " has files");
            for (Path file : all) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                assertFalse(showsAPassword(bytes), file + " holds a password");
            }
        }
    }

    /** Polls the job until it is neither queued nor running (two minutes at most); its last JSON. */
    String awaitFinished(EmbeddedServer on, String id) throws Exception {
        for (int i = 0; i < 1200; i++) {
            String job = send(on, "GET", "/api/jobs/" + id, null).body();
            String state = field(job, "state");
            if (!state.equals("queued") && !state.equals("running")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    /** The string field {@code name} of a JSON text. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    /** The whole-number field {@code name} of a JSON text. */
    static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return Long.parseLong(m.group(1));
    }
}
