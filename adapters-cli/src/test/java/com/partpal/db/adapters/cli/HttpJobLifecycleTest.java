package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.cli.wiring.JobsWiring;
import com.partpal.db.adapters.files.JsonFileJobHistory;
import com.partpal.db.application.jobs.JobSnapshot;
import com.partpal.db.application.jobs.JobState;
import com.partpal.db.application.jobs.TableProgress;
import com.partpal.db.domain.connection.PostgresUrl;
import io.micronaut.runtime.server.EmbeddedServer;
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
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.partpal.db.adapters.cli.ApiClient.field;
import static com.partpal.db.adapters.cli.ApiClient.number;
import static com.partpal.db.adapters.cli.ApiClient.writeSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job's life through the HTTP API with a real client, server, SQLite sample and PostgreSQL: live progress as
 * server-sent events, the report, cancel, and the history a restarted server finds (interrupted jobs included).
 */
@Timeout(300)
class HttpJobLifecycleTest {
    private static final String TOKEN = "lifecycle-token-0123456789";
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
        API.checkAtTheEnd(jobsDir);
        server = start(jobsDir);
        sample = writeSample(server, dir.resolve("sample.db"), 30000);
    }

    private static EmbeddedServer start(Path dataDir) {
        return API.startServer(
                Map.of(JobsWiring.DATA_DIR, dataDir.toString(), "partpal.http.events-interval", "50ms",
                        "partpal.http.events-heartbeat", "400ms"));
    }

    private static String freshTarget() {
        return API.freshDatabase().connectionString();
    }

    private static HttpRequest.Builder request(EmbeddedServer on, String path, String token) {
        return API.request(on, path, token);
    }

    private static HttpResponse<String> send(EmbeddedServer on, String method, String path, String body)
            throws Exception {
        return API.send(on, method, path, body);
    }

    private static String startMigration(String target, int batchSize) throws Exception {
        return startMigration(server, target, batchSize);
    }

    private static String startMigration(EmbeddedServer on, String target, int batchSize) throws Exception {
        String body = "{\"from\": \"" + sample + "\", \"to\": \"" + target + "\", \"options\": {\"jobs\": 1, "
                + "\"batchSize\": " + batchSize + "}}";
        HttpResponse<String> started = send(on, "POST", "/api/migrations", body);
        assertEquals(202, started.statusCode(), started.body());
        return field(started.body(), "id");
    }

    /** One server-sent event: its name and its data (the job, as JSON). */
    record Sse(String name, String data) {
    }

    /** The job's event stream, read event by event as the server sends them; ends when the server ends it. */
    private static Iterator<Sse> events(EmbeddedServer on, String id) throws Exception {
        HttpResponse<Stream<String>> response = API.send(
                request(on, "/api/jobs/" + id + "/events", TOKEN).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                response.headers().toString());
        Iterator<String> lines = response.body().iterator();
        return new Iterator<>() {
            private Sse next = read();

            private Sse read() {
                String name = null;
                StringBuilder data = new StringBuilder();
                while (lines.hasNext()) {
                    String line = lines.next();
                    API.received(line);
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            return new Sse(name, data.toString());
                        }
                    } else if (line.startsWith("event:")) {
                        name = line.substring("event:".length()).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring("data:".length()).trim());
                    }
                }
                return data.isEmpty() ? null : new Sse(name, data.toString());
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Sse next() {
                Sse current = next;
                next = read();
                return current;
            }
        };
    }

    /** Reads events until the job is running with rows loaded. */
    private static void awaitRows(Iterator<Sse> events) {
        Sse event = events.next();
        while (!(field(event.data(), "state").equals("running") && number(event.data(), "rowsDone") > 0)) {
            assertTrue(events.hasNext(), "the job ended before it loaded a row: " + event);
            event = events.next();
        }
    }

    private static List<Sse> all(Iterator<Sse> events) {
        List<Sse> all = new ArrayList<>();
        events.forEachRemaining(all::add);
        return all;
    }

    @Test
    void aMigrationsEventsShowItsRowsAsTheyLoadThenOneFinishedEventAndTheJobKeepsTheReport() throws Exception {
        String id = startMigration(freshTarget(), 500);
        List<Sse> events = all(events(server, id));

        Sse last = events.get(events.size() - 1);
        assertEquals("finished", last.name(), events.toString());
        assertEquals("succeeded", field(last.data(), "state"), last.data());
        assertTrue(last.data().contains("\"report\":{"), last.data());
        List<Sse> progress = events.subList(0, events.size() - 1);
        assertTrue(progress.stream().allMatch(e -> e.name().equals("progress")), events.toString());
        List<Sse> loading = progress.stream().filter(e -> field(e.data(), "state").equals("running"))
                .filter(e -> number(e.data(), "rowsDone") > 0).toList();
        assertFalse(loading.isEmpty(), "progress events with rows: " + events);
        assertTrue(loading.stream().anyMatch(e -> field(e.data(), "phase").equals("loading tables")), loading.toString());
        assertTrue(loading.stream().anyMatch(e -> e.data().contains("\"rowsPerSecond\":")
                && e.data().contains("\"etaSeconds\":")), loading.toString());
        long[] rows = loading.stream().mapToLong(e -> number(e.data(), "rowsDone")).toArray();
        for (int i = 1; i < rows.length; i++) {
            assertTrue(rows[i] >= rows[i - 1], "rows done never go back: " + events);
        }

        String job = send(server, "GET", "/api/jobs/" + id, null).body();
        assertEquals("succeeded", field(job, "state"));
        assertTrue(job.contains("\"outcome\":\"copied_all\""), job);
        assertTrue(job.contains("\"identical\":true"), job);
        assertEquals(number(job, "totalRows"), number(job, "rowsDone"), job);
        assertTrue(job.contains("\"startedAt\":\"") && job.contains("\"finishedAt\":\""), job);

        // a finished job's stream is its final state at once
        List<Sse> again = all(events(server, id));
        assertEquals(1, again.size(), again.toString());
        assertEquals("finished", again.get(0).name());
        assertEquals("succeeded", field(again.get(0).data(), "state"));
    }

    @Test
    void aCancelledMigrationEndsCancelledSayingWhatTheTargetHoldsAndCannotBeCancelledAgain() throws Exception {
        String target = freshTarget();
        String id = startMigration(target, 100);
        Iterator<Sse> events = events(server, id);
        awaitRows(events);
        HttpResponse<String> cancel = send(server, "DELETE", "/api/jobs/" + id, null);
        assertEquals(202, cancel.statusCode(), cancel.body());
        List<Sse> rest = all(events);
        Sse last = rest.get(rest.size() - 1);
        assertEquals("finished", last.name());
        assertEquals("cancelled", field(last.data(), "state"), last.data());
        String error = field(last.data(), "error");
        assertTrue(error.contains("is incomplete") && error.contains("no foreign keys or sequences")
                && error.contains("fully loaded") && error.contains("onExisting truncate or drop"), error);
        // what the message says is what the target holds: all rows of the tables it calls fully loaded, none elsewhere
        Matcher tables = Pattern.compile("\\{\"table\":\"(\\w+)\",\"totalRows\":(\\d+),\"rowsDone\":\\d+,"
                + "\"finished\":(true|false)").matcher(last.data());
        PostgresUrl url = PostgresUrl.parse(target);
        int checked = 0;
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             Statement st = c.createStatement()) {
            while (tables.find()) {
                boolean full = tables.group(3).equals("true");
                String table = tables.group(1);
                assertEquals(full, error.matches(".*fully loaded: [^;]*\\b" + table + "\\b.*"), table + ": " + error);
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    rs.next();
                    assertEquals(full ? Long.parseLong(tables.group(2)) : 0, rs.getLong(1), table);
                }
                checked++;
            }
        }
        assertTrue(checked > 0, last.data());
        assertFalse(last.data().contains("\"report\":{"), last.data());

        HttpResponse<String> again = send(server, "DELETE", "/api/jobs/" + id, null);
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(field(again.body(), "detail").contains("already finished (cancelled)"), again.body());
    }

    @Test
    @org.junit.jupiter.api.Timeout(30) // without the heartbeat the stream stays silent and this would wait forever
    void aQuietJobsStreamRepeatsItsStateAtEachHeartbeatUntilItEnds() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        String id = server.getApplicationContext().getBean(com.partpal.db.application.jobs.JobRegistry.class)
                .submit("quiet", "quiet-target", Map.of(), (progress, cancelled) -> {
                    progress.phase("thinking");
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "{}";
                }).id();
        Iterator<Sse> events = events(server, id);
        List<Sse> quiet = new ArrayList<>();
        while (quiet.size() < 3) {
            Sse event = events.next();
            if (event.data().contains("\"thinking\"")) {
                quiet.add(event);
            }
        }
        release.countDown();
        assertTrue(quiet.stream().allMatch(e -> e.name().equals("progress")), quiet.toString());
        assertEquals("finished", last(all(events)).name());
    }

    @Test
    void eventsNeedTheTokenAndAnUnknownJobIsA404Problem() throws Exception {
        HttpResponse<String> none = API.send(request(server, "/api/jobs/whatever/events", null).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, none.statusCode());
        HttpResponse<String> wrong = API.send(request(server, "/api/jobs/whatever/events", "nope").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> unknown = send(server, "GET", "/api/jobs/no-such-job/events", null);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals("no job no-such-job", field(unknown.body(), "detail"));
        assertEquals(404, send(server, "DELETE", "/api/jobs/no-such-job", null).statusCode());
    }

    @Test
    void aRestartedServerFindsTheHistoryWithTheJobsTheDeadServerLeftRunningAsInterrupted() throws Exception {
        Path history = dir.resolve("restart-jobs");
        EmbeddedServer first = start(history);
        String target = freshTarget();
        String id;
        String stoppedId;
        try {
            String body = "{\"from\": \"" + sample + "\", \"to\": \"" + target + "\", \"options\": {\"tables\": [\"users\"]}}";
            HttpResponse<String> started = send(first, "POST", "/api/migrations", body);
            assertEquals(202, started.statusCode(), started.body());
            id = field(started.body(), "id");
            assertEquals("succeeded", field(last(all(events(first, id))).data(), "state"));
            stoppedId = startMigration(first, freshTarget(), 100);
            awaitRows(events(first, stoppedId));
        } finally {
            first.getApplicationContext().close(); // serve stopping (Ctrl-C) while a job runs
        }
        String stoppedRecord = Files.readString(history.resolve(stoppedId + ".json"));
        assertTrue(stoppedRecord.contains("\"state\":\"INTERRUPTED\""), stoppedRecord);
        // a server that died mid-run left this record behind
        new JsonFileJobHistory(history).save(new JobSnapshot("dead-0001", "migration", "localhost:5432/gone",
                Map.of("to", "postgresql://partpal:****@localhost:5432/gone"), JobState.RUNNING, "loading tables",
                List.of(new TableProgress("parts", 1000, 300, false, 150.0, 5L)), null, null,
                "2026-03-01T10:00:00Z", null, "2026-03-01T10:00:01Z"));

        EmbeddedServer second = start(history);
        try {
            String jobs = send(second, "GET", "/api/jobs", null).body();
            assertTrue(jobs.indexOf("\"id\":\"dead-0001\"") < jobs.indexOf("\"id\":\"" + id + "\""), jobs);
            String finished = send(second, "GET", "/api/jobs/" + id, null).body();
            assertEquals("succeeded", field(finished, "state"), finished);
            assertTrue(finished.contains("\"table\":\"users\"") && finished.contains("\"identical\":true"), finished);
            assertTrue(finished.contains(":****@"), finished);

            String stopped = send(second, "GET", "/api/jobs/" + stoppedId, null).body();
            assertEquals("interrupted", field(stopped, "state"), stopped);
            assertTrue(field(stopped, "error").startsWith("the server stopped while it ran ("), stopped);
            assertTrue(number(stopped, "rowsDone") > 0, stopped);

            String dead = send(second, "GET", "/api/jobs/dead-0001", null).body();
            assertEquals("interrupted", field(dead, "state"), dead);
            assertEquals("the server stopped while it ran (loading tables); it was not restarted: start it again",
                    field(dead, "error"));
            assertEquals(300, number(dead, "rowsDone"));
            List<Sse> deadEvents = all(events(second, "dead-0001"));
            assertEquals(1, deadEvents.size());
            assertEquals("interrupted", field(deadEvents.get(0).data(), "state"));
            assertEquals(409, send(second, "DELETE", "/api/jobs/dead-0001", null).statusCode());
            Thread.sleep(500); // interrupted jobs stay so: nothing restarts them, the old server's work saves nothing more
            assertEquals("interrupted", field(send(second, "GET", "/api/jobs/dead-0001", null).body(), "state"));
            assertEquals("interrupted", field(send(second, "GET", "/api/jobs/" + stoppedId, null).body(), "state"));
            assertTrue(Files.readString(history.resolve("dead-0001.json")).contains("\"state\":\"INTERRUPTED\""));
            assertTrue(Files.readString(history.resolve(stoppedId + ".json")).contains("\"state\":\"INTERRUPTED\""));
        } finally {
            second.getApplicationContext().close();
        }
        API.assertNoPasswordIn(history);
    }

    @Test
    void serveKeepsTheHistoryInTheHomeDirectoryUnlessDataDirSaysOtherwise() {
        CliRun help = CliRun.of("serve", "--help");
        assertEquals(0, help.exitCode(), help.all());
        assertTrue(help.out().contains("--data-dir=DIR"), help.out());
        assertTrue(help.out().replaceAll("\\s+", " ")
                .contains("(default: " + Path.of(System.getProperty("user.home"), ".partpal-db", "jobs") + ")"), help.out());
    }

    private static Sse last(List<Sse> events) {
        return events.get(events.size() - 1);
    }
}
