package com.partpal.db.adapters.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Refuses (401, before any controller runs) every request without the right bearer token, except /api/health[/ready]. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class BearerTokenFilter {
    private final ApiToken token;

    BearerTokenFilter(ApiToken token) {
        this.token = token;
    }

    @RequestFilter
    @Nullable
    HttpResponse<Problem> check(HttpRequest<?> request) {
        if (isHealth(request.getPath()) || token.accepts(request.getHeaders().get(HttpHeaders.AUTHORIZATION))) {
            return null;
        }
        return Problem.response(HttpStatus.UNAUTHORIZED, "missing or wrong bearer token (Authorization: Bearer <PARTPAL_DB_TOKEN>)")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    private static boolean isHealth(String path) {
        return path.equals(HealthController.PATH) || path.equals(HealthController.READY_PATH);
    }
}
