package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.cli.wiring.JobsWiring;
import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.domain.connection.PostgresUrl;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.partpal.db.adapters.cli.ApiClient.field;
import static com.partpal.db.adapters.cli.ApiClient.writeSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passwords with spaces, '@', ':' and '%' are parsed as URL userinfo and never shown (responses, job options, events,
 * history, logs, metrics); tokens with roles, a case-insensitive scheme, one audit line per change; a 500 carries an
 * error id that the server log shows with the trace.
 */
@Timeout(300)
class HttpSecretsAndAuthTest {
    private static final String TOKEN = "secrets-token-0123456789";
    private static final String DASHBOARD = "dashboard-token-0123456789";
    private static final String OPS = "ops-token-0123456789";
    /** Decoded; in the URL its '%' is written %25, the rest as is. */
    private static final String NASTY = "pa ss@:w%rd! x";
    private static final String NASTY_IN_URL = "pa ss@:w%25rd! x";
    @RegisterExtension
    static final ApiClient API = new ApiClient(TOKEN);

    @TempDir
    static Path dir;
    static Path jobsDir;
    static EmbeddedServer server;
    static Path sample;
    static LogCapture logs;

    @BeforeAll
    static void start() {
        logs = new LogCapture();
        jobsDir = dir.resolve("jobs");
        API.checkAtTheEnd(jobsDir);
        server = API.startServer(Map.of(JobsWiring.DATA_DIR, jobsDir.toString(),
                "partpal.http.tokens.dashboard.token", DASHBOARD, "partpal.http.tokens.dashboard.role", "read-only",
                "partpal.http.tokens.ops.token", OPS, "partpal.http.tokens.ops.role", "operator",
                "partpal.http.events-interval", "50ms"));
        sample = writeSample(server, dir.resolve("sample.db"), 300);
        for (String secret : List.of(NASTY, NASTY_IN_URL, "ss@:w%25rd!", ":w%25rd! x", "s@:w%rd! x")) {
            API.keepSecret(secret);
        }
    }

    @AfterAll
    static void noSecretInTheLogs() {
        try {
            String all = String.join("\n", logs.lines());
            assertFalse(all.isEmpty(), "the server logged something");
            assertFalse(API.showsAPassword(all), "a log line shows a password: " + all);
        } finally {
            logs.close();
        }
    }

    /** A database owned by a role whose password has a space, '@', ':' and '%': its URL with the raw userinfo. */
    private static String nastyDatabase() throws Exception {
        PostgresUrl admin = API.freshDatabase();
        String role = "nasty_" + admin.database();
        try (Connection connection = PostgresPools.connect(admin); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + NASTY.replace("'", "''") + "'");
            statement.execute("GRANT ALL ON SCHEMA public TO " + role);
            statement.execute("ALTER DATABASE " + admin.database() + " OWNER TO " + role);
            statement.execute("ALTER SCHEMA public OWNER TO " + role);
        }
        String url = "postgresql://" + role + ":" + NASTY_IN_URL + "@" + admin.host() + ":" + admin.port() + "/"
                + admin.database();
        assertEquals(NASTY, PostgresUrl.parse(url).password(), "parsed as URL userinfo");
        return url;
    }

    @Test
    void aPasswordWithSpacesAtColonAndPercentIsNeverShown() throws Exception {
        String target = nastyDatabase();
        HttpResponse<String> started = API.send(server, "POST", "/api/migrations", "{\"from\": \"" + sample
                + "\", \"to\": \"" + target + "\"}");
        assertEquals(202, started.statusCode(), started.body());
        String id = field(started.body(), "id");
        HttpResponse<java.util.stream.Stream<String>> events = API.send(API.request(server, "/api/jobs/" + id
                + "/events", TOKEN).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        String stream = events.body().collect(Collectors.joining("\n"));
        API.received(stream);
        assertTrue(stream.contains("event: finished"), stream);
        String job = API.awaitFinished(server, id);
        assertEquals("succeeded", field(job, "state"), job);
        assertTrue(job.contains(":****@"), job);
        API.received(API.send(server, "GET", "/metrics", null).body());
        API.received(API.send(server, "GET", "/api/jobs/" + id + "/report", null).body());

        String wrong = target.replace(NASTY_IN_URL, "wrong pass@:%25 x");
        API.keepSecret("wrong pass@:%25 x");
        API.keepSecret("wrong pass@:% x");
        String failed = API.awaitFinished(server, field(API.send(server, "POST", "/api/migrations",
                "{\"from\": \"" + sample + "\", \"to\": \"" + wrong + "\"}").body(), "id"));
        assertTrue(List.of("failed", "succeeded").contains(field(failed, "state")), failed);
        HttpResponse<String> badEncoding = API.send(server, "POST", "/api/migrations", "{\"from\": \"" + sample
                + "\", \"to\": \"" + target.replace("%25", "%zz") + "\"}");
        assertEquals(400, badEncoding.statusCode(), badEncoding.body());
        assertTrue(field(badEncoding.body(), "detail").contains(":****@"), badEncoding.body());
        try (var files = Files.list(jobsDir)) {
            assertTrue(files.count() >= 2, "history written");
        }
    }

    @Test
    void readOnlyTokensReadOperatorTokensChangeAndEveryChangeIsAuditedOnce() throws Exception {
        HttpRequest lower = API.request(server, "/api/jobs", null).header("Authorization", "bearer " + DASHBOARD)
                .GET().build();
        assertEquals(200, API.send(lower, HttpResponse.BodyHandlers.ofString()).statusCode(), "scheme in any case");
        HttpRequest upper = API.request(server, "/api/jobs", null).header("Authorization", "BEARER " + OPS).GET().build();
        assertEquals(200, API.send(upper, HttpResponse.BodyHandlers.ofString()).statusCode());

        String body = "{\"from\": \"" + sample + "\", \"to\": \"" + sample + "\"}";
        int before = logs.lines(StderrLogging.AUDIT_LOGGER).size();
        HttpResponse<String> refused = API.send(server, "POST", "/api/verifications", body, DASHBOARD);
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(field(refused.body(), "detail").contains("read-only"), refused.body());
        assertEquals(403, API.send(server, "GET", "/api/jobs/x/rejects", null, DASHBOARD).statusCode());
        HttpResponse<String> accepted = API.send(server, "POST", "/api/verifications", body, OPS);
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals(401, API.send(server, "DELETE", "/api/jobs/x", null, "nope").statusCode());
        assertEquals(404, API.send(server, "DELETE", "/api/jobs/x", null, OPS).statusCode());
        API.awaitFinished(server, field(accepted.body(), "id"));

        List<String> audit = logs.lines(StderrLogging.AUDIT_LOGGER);
        List<String> mine = audit.subList(before, audit.size());
        assertEquals(4, mine.size(), String.join("\n", mine));
        assertTrue(mine.get(0).contains("caller=dashboard method=POST path=/api/verifications status=403"), mine.get(0));
        assertTrue(mine.get(1).contains("caller=ops method=POST path=/api/verifications status=202"), mine.get(1));
        assertTrue(mine.get(2).contains("caller=unknown method=DELETE path=/api/jobs/x status=401"), mine.get(2));
        assertTrue(mine.get(3).contains("caller=ops method=DELETE path=/api/jobs/x status=404"), mine.get(3));
        assertFalse(String.join("\n", mine).contains(OPS), "no token in the audit log");
    }

    @Test
    void anUnexpectedFailureIsA500WithAnIdTheLogShowsWithItsTrace() throws Exception {
        Path catalogue = Files.createDirectories(dir.resolve("catalogue"));
        Files.createDirectories(catalogue.resolve("odd.manifest.json")); // a directory where a manifest file belongs
        HttpResponse<String> failed = API.send(server, "GET", "/api/backups?directory=" + catalogue, null);
        assertEquals(500, failed.statusCode(), failed.body());
        assertTrue(failed.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        String id = field(failed.body(), "errorId");
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertFalse(failed.body().contains("Exception") || failed.body().contains("java."), failed.body());
        String logged = logs.lines().stream().filter(line -> line.contains(id)).findFirst().orElseThrow();
        assertTrue(logged.contains("UncheckedIOException") && logged.contains("\tat "), logged);
    }
}
