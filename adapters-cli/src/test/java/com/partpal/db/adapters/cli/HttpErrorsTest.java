package com.partpal.db.adapters.cli;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.partpal.db.adapters.cli.ApiClient.field;
import static com.partpal.db.adapters.cli.ApiClient.writeSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error is application/problem+json with our own one-line detail, framework errors included: malformed JSON,
 * NUL characters, wrong types, unknown fields and options are 400 before any job is queued; unknown routes 404, wrong
 * methods 405, wrong media types 415. No class name, package or stack trace reaches a client.
 */
class HttpErrorsTest {
    private static final String TOKEN = "errors-token-0123456789";
    @RegisterExtension
    static final ApiClient API = new ApiClient(TOKEN);

    @TempDir
    static Path dir;
    static EmbeddedServer server;
    static Path sample;
    static String target;

    @BeforeAll
    static void start() {
        server = API.startServer();
        sample = writeSample(server, dir.resolve("sample.db"), 100);
        target = API.freshDatabase().connectionString();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return API.send(server, "POST", path, body);
    }

    private static String migration(String options) {
        return "{\"from\": \"" + sample + "\", \"to\": \"" + target + "\"" + options + "}";
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailStart) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers() + " " + response.body());
        assertTrue(response.body().contains("\"status\":" + status), response.body());
        assertTrue(field(response.body(), "detail").startsWith(detailStart), response.body());
        for (String leak : List.of("com.partpal", "com.fasterxml", "io.micronaut", "java.lang", "Exception", "\tat ",
                "MigrationBody", "Options[")) {
            assertFalse(response.body().contains(leak), leak + " in " + response.body());
        }
    }

    private static int jobCount() throws Exception {
        return API.send(server, "GET", "/api/jobs", null).body().split("\"id\":").length - 1;
    }

    @Test
    void badBodiesAre400UpFrontAndQueueNothing() throws Exception {
        int before = jobCount();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"from\": ", "malformed JSON at line 1");
        cases.put("not json at all", "malformed JSON");
        cases.put("{\"from\": \"a\0b\", \"to\": \"x\"}", "malformed JSON");
        cases.put("{\"from\": \"" + sample + "\\u0000\", \"to\": \"" + target + "\"}", "field 'from' contains a NUL");
        cases.put(migration(", \"options\": {\"jobs\": \"four\"}"), "field 'options.jobs' must be a whole number");
        cases.put(migration(", \"options\": {\"jobs\": 2.5}"), "field 'options.jobs' must be a whole number");
        cases.put(migration(", \"options\": {\"verify\": \"maybe\"}"), "field 'options.verify' must be true or false");
        cases.put(migration(", \"options\": {\"tables\": \"parts\"}"), "field 'options.tables' must be a list");
        cases.put(migration(", \"options\": {\"jbos\": 2}"), "unknown field 'options.jbos'");
        cases.put(migration(", \"form\": \"x\""), "unknown field 'form'");
        cases.put(migration(", \"options\": {\"jobs\": 1, \"jobs\": 2}"), "malformed JSON");
        cases.put("[1, 2]", "the body must be a JSON object");
        cases.put(migration(", \"options\": {\"onExisting\": \"explode\"}"), "'onExisting' must be fail, truncate or drop");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = post("/api/migrations", c.getKey());
            assertEquals(400, response.statusCode(), c.getKey() + " -> " + response.body());
            assertProblem(response, 400, c.getValue());
        }
        assertProblem(post("/api/verifications", "{\"from\": \"x\", \"to\": \"y\", \"options\": {\"maxDiffs\": true}}"),
                400, "field 'options.maxDiffs' must be a whole number");
        assertProblem(post("/api/backups", "{\"database\": \"x\", \"keepLast\": \"all\"}"), 400,
                "field 'keepLast' must be a whole number");
        assertProblem(post("/api/restores", "{\"backup\": \"latest\", \"to\": \"x\", \"dropDatabase\": \"yes\"}"),
                400, "field 'dropDatabase' must be true or false");
        assertEquals(before, jobCount(), "no job was queued");
    }

    @Test
    void frameworkErrorsAreProblemsToo() throws Exception {
        assertProblem(API.send(server, "GET", "/api/no-such-thing", null), 404, "no such endpoint: GET /api/no-such-thing");
        assertProblem(API.send(server, "PUT", "/api/migrations", migration("")), 405, "PUT is not allowed");
        HttpResponse<String> text = API.send(API.request(server, "/api/migrations", TOKEN)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        API.received(text.body());
        assertProblem(text, 415, "send the body as application/json");
        assertProblem(API.send(server, "GET", "/api/jobs?limit=many", null), 400, "parameter 'limit' must be a whole");
        assertProblem(API.send(server, "GET", "/api/jobs/x", null, "wrong"), 401, "missing or wrong bearer token");
    }
}
