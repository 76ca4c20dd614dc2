package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.PostgresMonitor;
import com.partpal.db.domain.connection.PostgresUrl;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.partpal.db.adapters.cli.ApiClient.field;
import static com.partpal.db.adapters.cli.ApiClient.number;
import static com.partpal.db.adapters.cli.ApiClient.writeSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health, readiness, monitoring, metrics and the OpenAPI document through a real HTTP client and running servers. */
class HttpMonitoringApiTest {
    private static final String TOKEN = "monitoring-token-0123456789";
    @RegisterExtension
    static final ApiClient API = new ApiClient(TOKEN);

    @TempDir
    static Path dir;
    static EmbeddedServer server;
    static EmbeddedServer brokenServer;
    static Path sample;
    static PostgresUrl monitored;

    @BeforeAll
    static void start() throws Exception {
        monitored = API.freshDatabase();
        try (Connection connection = DriverManager.getConnection(monitored.jdbcUrl(), monitored.user(), monitored.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE monitored_parts (id int PRIMARY KEY, label text)");
            statement.execute("INSERT INTO monitored_parts SELECT g, md5(g::text) FROM generate_series(1, 20000) g");
        }
        sample = dir.resolve("sample.db");
        server = API.startServer(Map.of(
                "partpal.databases.main.url", monitored.connectionString(),
                "partpal.databases.sample.url", sample.toString()));
        writeSample(server, sample, 500);
        brokenServer = API.startServer(Map.of(
                "partpal.databases.main.url", monitored.connectionString(),
                "partpal.databases.gone.url", PostgresUrl.of("127.0.0.1", 1, "nowhere", "monitor", monitored.password())
                        .connectionString()));
    }

    private static HttpResponse<String> send(EmbeddedServer on, String method, String path, String body, String token)
            throws Exception {
        return API.send(on, method, path, body, token);
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return send(server, "GET", path, null, token);
    }

    @Test
    void livenessAndReadinessNeedNoTokenAndReadinessNamesEachConfiguredDatabase() throws Exception {
        HttpResponse<String> live = get("/api/health", null);
        assertEquals(200, live.statusCode());
        assertEquals("{\"status\":\"UP\"}", live.body());

        HttpResponse<String> ready = get("/api/health/ready", null);
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().startsWith("{\"status\":\"UP\""), ready.body());
        assertTrue(ready.body().contains("{\"name\":\"main\",\"status\":\"UP\"}"), ready.body());
        assertTrue(ready.body().contains("{\"name\":\"sample\",\"status\":\"UP\"}"), ready.body());
        assertFalse(ready.body().contains(monitored.database()), "no URL in readiness: " + ready.body());
    }

    @Test
    void anUnreachableConfiguredDatabaseMakesReadiness503WithAMaskedReason() throws Exception {
        HttpResponse<String> ready = send(brokenServer, "GET", "/api/health/ready", null, null);
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().startsWith("{\"status\":\"DOWN\""), ready.body());
        assertTrue(ready.body().contains("{\"name\":\"main\",\"status\":\"UP\"}"), ready.body());
        assertTrue(ready.body().matches(".*\\{\"name\":\"gone\",\"status\":\"DOWN\",\"reason\":\"PostgreSQL did not answer: [^\"]*refused[^\"]*\"}.*"),
                ready.body());
        assertFalse(ready.body().contains("postgresql://"), ready.body());
    }

    @Test
    void monitoringAPostgresDatabaseShowsSizesTheLargestTablesCacheAndPool() throws Exception {
        assertEquals(401, get("/api/monitoring?db=main", null).statusCode());

        HttpResponse<String> byName = get("/api/monitoring?db=main", TOKEN);
        assertEquals(200, byName.statusCode(), byName.body());
        String body = byName.body();
        assertTrue(body.contains("\"kind\":\"postgresql\""), body);
        assertTrue(body.contains("\"database\":\"" + monitored.masked() + "\""), body);
        assertTrue(number(body, "sizeBytes") > 1_000_000, body);
        assertTrue(body.contains("\"largestTables\":[{\"schema\":\"public\",\"table\":\"monitored_parts\""), body);
        assertTrue(number(body, "indexBytes") > 0, body);
        assertTrue(body.contains("\"active\":"), body);
        assertTrue(body.contains("\"cacheHitRatio\":"), body);
        assertTrue(body.contains("\"slowQueries\":{\"available\":false,\"reason\":\"" + PostgresMonitor.NO_STATEMENTS + "\""), body);
        assertTrue(body.matches(".*\"pool\":\\{\"active\":0,\"idle\":\\d+,\"total\":\\d+,\"waiting\":0,\"max\":2}.*"), body); // partpal.monitoring.pool-size

        String url = URLEncoder.encode(monitored.connectionString(), StandardCharsets.UTF_8);
        HttpResponse<String> byUrl = get("/api/monitoring?db=" + url, TOKEN);
        assertEquals(200, byUrl.statusCode(), byUrl.body());
        assertTrue(byUrl.body().contains(":****@"), byUrl.body());
    }

    @Test
    void monitoringASqliteFileShowsItsPagesAndRowCounts() throws Exception {
        HttpResponse<String> response = get("/api/monitoring?db=sample", TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        String body = response.body();
        assertTrue(body.contains("\"kind\":\"sqlite\""), body);
        assertEquals(number(body, "fileBytes"), number(body, "pageCount") * number(body, "pageSize"), body);
        assertTrue(body.contains("{\"table\":\"parts\",\"rows\":500}"), body);

        HttpResponse<String> missing = get("/api/monitoring?db=" + dir.resolve("missing.db"), TOKEN);
        assertEquals(400, missing.statusCode(), missing.body());
        assertTrue(missing.body().contains("SQLite database not found"), missing.body());
        HttpResponse<String> none = get("/api/monitoring", TOKEN);
        assertEquals(400, none.statusCode(), none.body());
        assertTrue(none.body().contains("no database given"), none.body());
    }

    @Test
    void metricsNeedTheTokenAndCountJobsDurationsAndRowsMigrated() throws Exception {
        assertEquals(401, get("/metrics", null).statusCode());
        assertEquals(401, get("/metrics", "wrong").statusCode());

        String target = API.freshDatabase().connectionString();
        HttpResponse<String> started = send(server, "POST", "/api/migrations",
                "{\"from\": \"" + sample + "\", \"to\": \"" + target + "\"}", TOKEN);
        assertEquals(202, started.statusCode(), started.body());
        String job = API.awaitFinished(server, field(started.body(), "id"));
        assertEquals("succeeded", field(job, "state"), job);

        HttpResponse<String> metrics = get("/metrics", TOKEN);
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = metrics.body();
        assertTrue(text.contains("partpal_jobs{kind=\"migration\",state=\"succeeded\"} 1.0"), text);
        assertTrue(text.contains("partpal_job_duration_seconds_count{kind=\"migration\",state=\"succeeded\"} 1"), text);
        Matcher rows = Pattern.compile("partpal_rows_migrated_total (\\d+)\\.0").matcher(text);
        assertTrue(rows.find(), text);
        assertTrue(Long.parseLong(rows.group(1)) > 500, "every table of the sample: " + rows.group(1));
        assertTrue(text.contains("jvm_memory_used_bytes"), "JVM metrics");
        assertTrue(text.contains("http_server_requests_seconds_count"), "HTTP metrics");
        assertFalse(text.contains(PostgresUrl.parse(target).database()), "no target in any label");
    }

    @Test
    void theOpenApiDocumentIsServedWithTheTokenAndListsTheEndpoints() throws Exception {
        assertEquals(401, get("/api/openapi.yml", null).statusCode());
        HttpResponse<String> document = get("/api/openapi.yml", TOKEN);
        assertEquals(200, document.statusCode(), document.body());
        String yaml = document.body();
        assertTrue(yaml.startsWith("openapi: 3."), yaml);
        assertTrue(yaml.contains("title: partpal-db"), yaml);
        for (String path : List.of("/api/health:", "/api/health/ready:", "/api/monitoring:", "/metrics:",
                "/api/migrations:", "/api/jobs:", "/api/jobs/{id}:", "/api/openapi.yml:", "/api/jobs/{id}/events:",
                "/api/verifications:", "/api/backups:", "/api/restores:", "/api/backups/{id}:",
                "/api/backups/{id}/verify:", "/api/backups/prune:")) {
            assertTrue(yaml.contains("\n  " + path), path + " in " + yaml);
        }
        String ready = yaml.substring(yaml.indexOf("\n  /api/health/ready:"), yaml.indexOf("\n  /api/jobs:"));
        assertTrue(ready.contains("\"503\":"), ready);
    }
}
