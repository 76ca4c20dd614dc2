package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.cli.wiring.JobsWiring;
import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.application.port.SampleDataWriter;
import com.partpal.db.domain.connection.PostgresUrl;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.partpal.db.adapters.cli.ApiClient.field;
import static com.partpal.db.adapters.cli.ApiClient.writeSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Honest outcomes, one job per database identity, and the jobs list: a verification that finds differences ends
 * failed with a summary (its report kept and downloadable), rows copied and rejected are counted apart, localhost
 * and 127.0.0.1 are one database, the list pages with a cursor and finished jobs beyond the retention are dropped.
 */
@Timeout(300)
class HttpJobOutcomesTest {
    private static final String TOKEN = "outcomes-token-0123456789";
    @RegisterExtension
    static final ApiClient API = new ApiClient(TOKEN);

    @TempDir
    static Path dir;
    static Path jobsDir;
    static EmbeddedServer server;
    static Path sample;

    @BeforeAll
    static void start() {
        jobsDir = dir.resolve("jobs");
        server = API.startServer(Map.of(JobsWiring.DATA_DIR, jobsDir.toString(),
                "partpal.jobs.retention.max-finished", "6"));
        sample = writeSample(server, dir.resolve("sample.db"), 300);
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return API.send(server, method, path, body);
    }

    private static String run(String path, String body) throws Exception {
        HttpResponse<String> started = send("POST", path, body);
        assertEquals(202, started.statusCode(), started.body());
        return API.awaitFinished(server, field(started.body(), "id"));
    }

    private static long metric(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\d+)\\.0$").matcher(text);
        assertTrue(m.find(), name + " in " + text);
        return Long.parseLong(m.group(1));
    }

    @Test
    void aVerificationWithDifferencesEndsFailedWithASummaryAndItsReport() throws Exception {
        PostgresUrl target = API.freshDatabase();
        String migrated = run("/api/migrations", "{\"from\": \"" + sample + "\", \"to\": \"" + target.connectionString()
                + "\"}");
        assertEquals("succeeded", field(migrated, "state"), migrated);
        try (Connection connection = PostgresPools.connect(target); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM parts WHERE id IN (SELECT id FROM parts ORDER BY id LIMIT 2)");
        }
        String verified = run("/api/verifications", "{\"from\": \"" + sample + "\", \"to\": \""
                + target.connectionString() + "\"}");
        assertEquals("failed", field(verified, "state"), verified);
        assertTrue(field(verified, "error").startsWith("verification found differences: 2 differing rows in parts"),
                verified);
        assertTrue(verified.contains("\"identical\":false"), "the report is kept: " + verified);
        String id = field(verified, "id");
        HttpResponse<String> report = send("GET", "/api/jobs/" + id + "/report", null);
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(report.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        assertTrue(report.body().startsWith("{") && report.body().contains("\"identical\":false"), report.body());
    }

    @Test
    void rowsCopiedAndRejectedAreCountedApartAndTheRejectsCanBeDownloaded() throws Exception {
        Path dirty = dir.resolve("dirty.db");
        server.getApplicationContext().getBean(SampleDataWriter.class).write(dirty, 300, true);
        String job = run("/api/migrations", "{\"from\": \"" + dirty + "\", \"to\": \""
                + API.freshDatabase().connectionString() + "\"}");
        assertEquals("succeeded", field(job, "state"), job);
        assertTrue(job.contains("\"outcome\":\"completed_with_rejects\""), job);
        long rejected = 0;
        String tables = job.substring(job.indexOf("\"tables\":["), job.indexOf("\"report\":"));
        Matcher each = Pattern.compile("\"rejectedRows\":(\\d+)").matcher(tables);
        while (each.find()) {
            rejected += Long.parseLong(each.group(1));
        }
        assertTrue(rejected > 0, job);

        HttpResponse<String> rejects = send("GET", "/api/jobs/" + field(job, "id") + "/rejects", null);
        assertEquals(200, rejects.statusCode(), rejects.body());
        assertEquals(rejected, rejects.body().lines().filter(l -> !l.isBlank()).count(), rejects.body());

        String metrics = send("GET", "/metrics", null).body();
        long copied = metric(metrics, "partpal_rows_copied_total");
        long rejectedTotal = metric(metrics, "partpal_rows_rejected_total");
        assertEquals(rejected, rejectedTotal, "the only job with rejects: " + metrics);
        assertEquals(metric(metrics, "partpal_rows_migrated_total"), copied + rejectedTotal, metrics);
    }

    @Test
    void localhostAnd127001AreOneDatabase() throws Exception {
        Path large = writeSample(server, dir.resolve("large.db"), 20000);
        PostgresUrl target = API.freshDatabase();
        PostgresUrl byName = new PostgresUrl("localhost", target.port(), target.database(), target.user(),
                target.password(), target.schema(), null, null, null, null, false, Map.of());
        PostgresUrl byAddress = new PostgresUrl("127.0.0.1", target.port(), target.database(), target.user(),
                target.password(), target.schema(), null, null, null, null, false, Map.of());
        HttpResponse<String> first = send("POST", "/api/migrations", "{\"from\": \"" + large + "\", \"to\": \""
                + byName.connectionString() + "\", \"options\": {\"batchSize\": 100, \"jobs\": 1}}");
        assertEquals(202, first.statusCode(), first.body());
        String id = field(first.body(), "id");
        HttpResponse<String> second = send("POST", "/api/migrations", "{\"from\": \"" + sample + "\", \"to\": \""
                + byAddress.connectionString() + "\"}");
        assertEquals(409, second.statusCode(), second.body());
        assertEquals(id, field(second.body(), "runningJobId"));
        HttpResponse<String> restore = send("POST", "/api/verifications", "{\"from\": \"" + sample + "\", \"to\": \""
                + byAddress.connectionString().replace("127.0.0.1", "[::1]") + "\"}");
        assertTrue(restore.statusCode() == 409 || restore.statusCode() == 400, restore.body());
        send("DELETE", "/api/jobs/" + id, null);
        API.awaitFinished(server, id);
    }

    @Test
    void theListPagesWithACursorAndFinishedJobsBeyondTheRetentionAreDropped() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String job = run("/api/verifications", "{\"from\": \"" + sample + "\", \"to\": \"" + sample + "\"}");
            ids.add(field(job, "id"));
        }
        run("/api/verifications", "{\"from\": \"" + sample + "\", \"to\": \"" + sample + "\"}"); // retention runs on submit
        HttpResponse<String> all = send("GET", "/api/jobs?limit=1000", null);
        int listed = all.body().split("\"id\":").length - 1;
        assertTrue(listed <= 7, "at most 6 finished jobs kept, plus the newest: " + listed);
        assertEquals(404, send("GET", "/api/jobs/" + ids.get(0), null).statusCode(), "the oldest was dropped");
        assertFalse(Files.exists(jobsDir.resolve(ids.get(0) + ".json")), "with its history record");
        assertTrue(all.body().contains(ids.get(7)));

        List<String> seen = new ArrayList<>();
        String next = "/api/jobs?limit=2";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = send("GET", next, null);
            assertEquals(200, page.statusCode(), page.body());
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(page.body());
            int onPage = 0;
            while (id.find()) {
                seen.add(id.group(1));
                onPage++;
            }
            assertTrue(onPage <= 2, page.body());
            pages++;
            next = page.headers().firstValue("Link").map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
        }
        assertEquals(listed, seen.size(), "every job once: " + seen);
        assertEquals(seen.size(), seen.stream().distinct().count());
        assertEquals((listed + 1) / 2, pages);
        assertEquals(400, send("GET", "/api/jobs?cursor=nonsense", null).statusCode());
        assertEquals(400, send("GET", "/api/jobs?limit=0", null).statusCode());
    }
}
