package com.partpal.db.adapters.cli;

import com.partpal.db.domain.connection.PostgresUrl;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static com.partpal.db.adapters.cli.ApiClient.field;
import static com.partpal.db.adapters.cli.ApiClient.writeSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP API through a real HTTP client, against a running server, a real SQLite sample and a real PostgreSQL. */
class HttpApiTest {
    private static final String TOKEN = "test-token-0123456789";
    @RegisterExtension
    static final ApiClient API = new ApiClient(TOKEN);

    @TempDir
    static Path dir;
    static EmbeddedServer server;
    static Path sample;
    static String password;

    @BeforeAll
    static void start() {
        server = API.startServer();
        sample = writeSample(server, dir.resolve("sample.db"), 2000);
    }

    private static String freshTarget() {
        PostgresUrl url = API.freshDatabase();
        password = url.password();
        return url.connectionString();
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return API.send(server, method, path, body, token);
    }

    private static String migration(String from, String to) {
        return "{\"from\": \"" + from + "\", \"to\": \"" + to + "\", \"options\": {\"jobs\": 2}}";
    }

    @Test
    void aMigrationRunsAsAJobToSucceededWithTheCliReportAndASecondOnTheSameTargetIsRefused() throws Exception {
        String target = freshTarget();
        HttpResponse<String> started = send("POST", "/api/migrations", migration(sample.toString(), target), TOKEN);
        assertEquals(202, started.statusCode(), started.body());
        String id = field(started.body(), "id");
        assertEquals("/api/jobs/" + id, field(started.body(), "url"));

        HttpResponse<String> conflict = send("POST", "/api/migrations", migration(sample.toString(), target), TOKEN);
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertTrue(conflict.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(id, field(conflict.body(), "runningJobId"));

        String job = awaitFinished(id);
        assertEquals("succeeded", field(job, "state"), job);
        assertTrue(job.contains("\"outcome\":\"copied_all\""), job);
        assertTrue(job.contains("\"identical\":true"), job);
        assertTrue(job.contains("\"table\":\"parts\""), job);
        assertTrue(job.contains(":****@"), job);
        assertTrue(send("GET", "/api/jobs", null, TOKEN).body().contains(id));
        assertEquals(409, send("DELETE", "/api/jobs/" + id, null, TOKEN).statusCode()); // already finished
        assertEquals("succeeded", field(send("GET", "/api/jobs/" + id, null, TOKEN).body(), "state"));
    }

    private static String awaitFinished(String id) throws Exception {
        return API.awaitFinished(server, id);
    }

    @Test
    void withoutOrWithAWrongTokenNothingRuns() throws Exception {
        String target = freshTarget();
        HttpResponse<String> none = send("POST", "/api/migrations", migration(sample.toString(), target), null);
        assertEquals(401, none.statusCode());
        assertTrue(none.body().contains("bearer token"), none.body());
        HttpResponse<String> wrong = send("POST", "/api/migrations", migration(sample.toString(), target), "nope");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, send("GET", "/api/jobs", null, "nope").statusCode());
        assertFalse(send("GET", "/api/jobs", null, TOKEN).body().contains(PostgresUrl.parse(target).database()));
        assertEquals(200, send("GET", "/api/health", null, null).statusCode());
    }

    @Test
    void badInputIsAProblemWithOneClearMessage() throws Exception {
        String target = freshTarget();
        HttpResponse<String> missing = send("POST", "/api/migrations", "{\"to\": \"" + target + "\"}", TOKEN);
        assertEquals(400, missing.statusCode());
        assertEquals("missing field 'from': a SQLite file or URL", field(missing.body(), "detail"));
        assertEquals("400", missing.body().replaceAll(".*\"status\":(\\d+).*", "$1"));

        HttpResponse<String> badUrl = send("POST", "/api/migrations",
                migration(sample.toString(), "mysql://root:" + password + "@localhost/db"), TOKEN);
        assertEquals(400, badUrl.statusCode());
        assertTrue(field(badUrl.body(), "detail").startsWith("bad PostgreSQL URL"), badUrl.body());

        HttpResponse<String> noFile = send("POST", "/api/migrations",
                migration(dir.resolve("missing.db").toString(), target), TOKEN);
        assertEquals(400, noFile.statusCode(), noFile.body());
        assertTrue(field(noFile.body(), "detail").contains("missing.db"), noFile.body());

        assertEquals(404, send("GET", "/api/jobs/no-such-job", null, TOKEN).statusCode());
    }

    @Test
    void deleteCancelsARunningMigrationAndTheJobSaysSo() throws Exception {
        Path large = writeSample(server, dir.resolve("large.db"), 30000);
        String body = "{\"from\": \"" + large + "\", \"to\": \"" + freshTarget() + "\", \"options\": {\"batchSize\": 100}}";
        String id = field(send("POST", "/api/migrations", body, TOKEN).body(), "id");
        HttpResponse<String> cancel = send("DELETE", "/api/jobs/" + id, null, TOKEN);
        assertEquals(202, cancel.statusCode(), cancel.body());
        String job = awaitFinished(id);
        assertEquals("cancelled", field(job, "state"), job);
        assertTrue(field(job, "error").contains("cancelled"), job);
        assertFalse(job.contains("\"report\":{"), job);
    }
}
