package com.partpal.db.adapters.cli;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document tells the truth: it lists exactly the server's routes, each job-starting POST answers 202 (not
 * 200), every error it lists is a Problem and every operation behind the token lists 401.
 */
class HttpOpenApiTruthTest {
    private static final String TOKEN = "openapi-token-0123456789";
    @RegisterExtension
    static final ApiClient API = new ApiClient(TOKEN);
    static EmbeddedServer server;
    static String yaml;

    @BeforeAll
    static void start() throws Exception {
        server = API.startServer();
        API.keepSecret("nothing-secret-here");
        yaml = API.send(server, "GET", "/api/openapi.yml", null).body();
    }

    /** "METHOD /path" of every operation the document lists, with its response codes. */
    private static Map<String, Set<String>> documented() {
        Map<String, Set<String>> operations = new LinkedHashMap<>();
        String path = null;
        String operation = null;
        for (String line : yaml.lines().toList()) {
            Matcher p = Pattern.compile("^  (/\\S*):$").matcher(line);
            Matcher m = Pattern.compile("^    (get|post|put|delete|patch|head|options):$").matcher(line);
            Matcher r = Pattern.compile("^        \"(\\d{3})\":$").matcher(line);
            if (p.find()) {
                path = p.group(1);
            } else if (m.find() && path != null) {
                operation = m.group(1).toUpperCase() + " " + path;
                operations.put(operation, new TreeSet<>());
            } else if (r.find() && operation != null) {
                operations.get(operation).add(r.group(1));
            } else if (line.startsWith("components:")) {
                break;
            }
        }
        return operations;
    }

    private static Set<String> routes() {
        Router router = server.getApplicationContext().getBean(Router.class);
        return router.uriRoutes().map(UriRouteInfo.class::cast)
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD && route.getHttpMethod() != HttpMethod.OPTIONS)
                .map(route -> route.getHttpMethod().name() + " " + route.getUriMatchTemplate().toPathString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theDocumentListsExactlyTheRoutes() {
        assertEquals(routes(), new TreeSet<>(documented().keySet()), yaml);
    }

    @Test
    void everyOperationListsItsRealAnswers() {
        Map<String, Set<String>> operations = documented();
        for (String start : List.of("POST /api/migrations", "POST /api/verifications", "POST /api/backups",
                "POST /api/restores")) {
            assertEquals(Set.of("202", "400", "401", "403", "409", "500", "503"), operations.get(start), start);
        }
        for (String byId : List.of("GET /api/jobs/{id}", "DELETE /api/jobs/{id}", "GET /api/jobs/{id}/events",
                "GET /api/jobs/{id}/report", "GET /api/jobs/{id}/rejects", "GET /api/backups/{id}")) {
            assertTrue(operations.get(byId).contains("404"), byId + " " + operations.get(byId));
        }
        assertTrue(operations.get("DELETE /api/jobs/{id}").containsAll(Set.of("202", "403", "409")));
        operations.forEach((operation, codes) -> {
            if (!operation.contains("/api/health")) {
                assertTrue(codes.contains("401"), operation + " " + codes);
            }
            assertTrue(codes.stream().anyMatch(c -> c.startsWith("2")), operation + " has a success: " + codes);
        });
        assertEquals(Set.of("200"), operations.get("GET /api/health"), "liveness always answers, without a token");
        assertEquals(Set.of("200", "503"), operations.get("GET /api/health/ready"));
        assertTrue(yaml.contains("    Problem:"), "the Problem schema");
        for (String field : List.of("type", "title", "status", "detail", "runningJobId", "errorId")) {
            assertTrue(yaml.substring(yaml.indexOf("    Problem:")).contains("        " + field + ":"), field);
        }
        int problems = yaml.split("application/problem\\+json:").length - 1;
        int errors = (int) operations.values().stream().flatMap(Set::stream).filter(c -> c.charAt(0) >= '4').count();
        assertTrue(problems >= errors - 2, "every 4xx/5xx is a Problem: " + problems + " of " + errors);
    }
}
