package com.partpal.db.adapters.cli;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.partpal.db.adapters.cli.ApiClient.field;
import static com.partpal.db.adapters.cli.ApiClient.writeSample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server touches files only under the directories its configuration names (sources, backup catalogues, restore
 * targets): anything else, '..' and symbolic links leading out included, is a 403 problem and nothing is created,
 * queued or overwritten. Real server, real client, real SQLite files.
 */
class HttpAllowedPlacesTest {
    private static final String TOKEN = "places-token-0123456789";
    @RegisterExtension
    static final ApiClient API = new ApiClient(TOKEN);

    @TempDir
    static Path dir;
    static Path sources;
    static Path backups;
    static Path restores;
    static Path outside;
    static Path sample;
    static Path stranger;
    static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        sources = Files.createDirectories(dir.resolve("sources"));
        backups = Files.createDirectories(dir.resolve("backups"));
        restores = Files.createDirectories(dir.resolve("restores"));
        outside = Files.createDirectories(dir.resolve("outside"));
        server = API.startServer(Map.of("partpal.http.allowed.sources", sources.toString(),
                "partpal.http.allowed.backups", backups.toString(),
                "partpal.http.allowed.restore-targets", restores + "," + dir.resolve("more-restores")));
        sample = writeSample(server, sources.resolve("sample.db"), 200);
        stranger = writeSample(server, outside.resolve("stranger.db"), 50);
        Files.createSymbolicLink(sources.resolve("link.db"), stranger);
        Files.createSymbolicLink(sources.resolve("linked-dir"), outside);
        Files.createSymbolicLink(backups.resolve("escape"), outside);
        API.keepSecret("no-password-in-this-test");
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return API.send(server, method, path, body);
    }

    private static String json(Object text) {
        return "\"" + text.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String query(Object text) {
        return URLEncoder.encode(text.toString(), StandardCharsets.UTF_8);
    }

    private static void assertForbidden(HttpResponse<String> response, String property) {
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        assertTrue(field(response.body(), "detail").contains(property), response.body());
    }

    private static int jobCount() throws Exception {
        return send("GET", "/api/jobs", null).body().split("\"id\":").length - 1;
    }

    @Test
    void aSourceOutsideTheSourceDirectoriesIsRefusedAndNoJobIsQueued() throws Exception {
        int jobs = jobCount();
        String target = API.freshDatabase().connectionString();
        for (Object from : List.of(stranger, "file:" + stranger, sources.resolve("../outside/stranger.db"),
                sources.resolve("link.db"), sources.resolve("linked-dir/stranger.db"), "/etc/passwd")) {
            assertForbidden(send("POST", "/api/migrations", "{\"from\": " + json(from) + ", \"to\": " + json(target)
                    + "}"), "partpal.http.allowed.sources");
            assertForbidden(send("POST", "/api/verifications", "{\"from\": " + json(from) + ", \"to\": "
                    + json(target) + "}"), "partpal.http.allowed.sources");
            assertForbidden(send("GET", "/api/monitoring?db=" + query(from), null), "partpal.http.allowed.sources");
        }
        assertForbidden(send("POST", "/api/verifications", "{\"from\": " + json(sample) + ", \"to\": " + json(sample)
                + ", \"options\": {\"rejects\": " + json(outside.resolve("r.jsonl")) + "}}"), "allowed.sources");
        assertEquals(jobs, jobCount(), "no job was queued");

        assertEquals(200, send("GET", "/api/monitoring?db=" + query(sample), null).statusCode());
        String id = field(send("POST", "/api/migrations", "{\"from\": " + json(sample) + ", \"to\": " + json(target)
                + "}").body(), "id");
        assertEquals("succeeded", field(API.awaitFinished(server, id), "state"));
    }

    @Test
    void catalogueDirectoriesOutsideTheBackupDirectoriesAreRefusedAndNothingIsCreated() throws Exception {
        Path fresh = outside.resolve("new-catalogue");
        for (Object directory : List.of("/", fresh, backups.resolve("../outside/new-catalogue"),
                backups.resolve("escape/new-catalogue"))) {
            assertForbidden(send("POST", "/api/backups", "{\"database\": " + json(sample) + ", \"directory\": "
                    + json(directory) + "}"), "partpal.http.allowed.backups");
            assertForbidden(send("GET", "/api/backups?directory=" + query(directory), null), "allowed.backups");
            assertForbidden(send("GET", "/api/backups/latest?directory=" + query(directory), null), "allowed.backups");
            assertForbidden(send("POST", "/api/backups/prune", "{\"directory\": " + json(directory)
                    + ", \"keepLast\": 1}"), "allowed.backups");
            assertForbidden(send("POST", "/api/backups/latest/verify", "{\"directory\": " + json(directory) + "}"),
                    "allowed.backups");
        }
        assertFalse(Files.exists(fresh), "nothing created outside");
        assertForbidden(send("POST", "/api/backups", "{\"database\": " + json(stranger) + ", \"directory\": "
                + json(backups.resolve("cat")) + "}"), "partpal.http.allowed.sources");
        assertFalse(Files.exists(backups.resolve("cat")), "a refused backup creates no catalogue");
    }

    @Test
    void aRestoreOverwritesOnlyFilesUnderTheRestoreTargets() throws Exception {
        Path catalogue = backups.resolve("restore-cat");
        String backup = field(send("POST", "/api/backups", "{\"database\": " + json(sample) + ", \"directory\": "
                + json(catalogue) + "}").body(), "id");
        assertEquals("succeeded", field(API.awaitFinished(server, backup), "state"));
        byte[] before = Files.readAllBytes(stranger);
        for (Path to : List.of(stranger, restores.resolve("../outside/stranger.db"), sources.resolve("link.db"))) {
            assertForbidden(send("POST", "/api/restores", "{\"backup\": \"latest\", \"to\": " + json(to)
                    + ", \"directory\": " + json(catalogue) + ", \"confirm\": \"stranger.db\"}"),
                    "partpal.http.allowed.restore-targets");
        }
        assertArrayEquals(before, Files.readAllBytes(stranger), "the file outside is untouched");
        assertForbidden(send("POST", "/api/restores", "{\"backup\": " + json(stranger) + ", \"to\": "
                + json(restores.resolve("x.db")) + ", \"directory\": " + json(catalogue) + ", \"confirm\": \"x.db\"}"),
                "partpal.http.allowed.backups");

        Path copy = restores.resolve("copy.db");
        String restored = field(send("POST", "/api/restores", "{\"backup\": \"latest\", \"to\": " + json(copy)
                + ", \"directory\": " + json(catalogue) + ", \"confirm\": \"copy.db\", \"allowOtherDatabase\": true}").body(),
                "id"); // a backup of sample.db restored into another file needs the explicit option (issue 12)
        assertEquals("succeeded", field(API.awaitFinished(server, restored), "state"));
        assertTrue(Files.size(copy) > 0);
        assertFalse(Arrays.asList(outside.toFile().list()).contains("copy.db"));
    }

    @Test
    void aNulCharacterInAPathIsABadRequestNotAServerError() throws Exception {
        HttpResponse<String> nul = send("GET", "/api/backups?directory=" + query(backups + "/a\0b"), null);
        assertEquals(400, nul.statusCode(), nul.body());
        assertTrue(field(nul.body(), "detail").contains("NUL"), nul.body());
    }
}
