package com.partpal.db.adapters.http;

import com.partpal.db.domain.connection.Secrets;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;

/**
 * Refuses (before any controller runs) a request without a known bearer token (401), except /api/health[/ready], and a
 * request that changes something (or downloads rejected rows) from a read-only token (403). Writes one audit line per request that changes
 * something: who (the token's name), what (method and path; never a body or query), the outcome (status).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class BearerTokenFilter {
    /** The audit log's logger name: route it to its own file in production. */
    static final String AUDIT = "partpal.audit";
    private static final Logger AUDIT_LOG = LoggerFactory.getLogger(AUDIT);
    private static final Set<HttpMethod> READING = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String CALLER = "partpal.caller";

    private final ApiToken tokens;

    BearerTokenFilter(ApiToken tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    @Nullable
    HttpResponse<Problem> check(HttpRequest<?> request) {
        if (isHealth(request.getPath())) {
            return null;
        }
        Optional<ApiToken.Caller> caller = tokens.caller(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (caller.isEmpty()) {
            return audited(request, "unknown", Problem.response(HttpStatus.UNAUTHORIZED,
                    "missing or wrong bearer token (Authorization: Bearer <PARTPAL_DB_TOKEN>)")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }
        if (needsOperator(request) && caller.get().role() != ApiToken.Role.OPERATOR) {
            return audited(request, caller.get().name(), Problem.response(HttpStatus.FORBIDDEN, "token '"
                    + caller.get().name() + "' is read-only: " + request.getMethodName() + " " + request.getPath()
                    + " needs an operator token"));
        }
        request.setAttribute(CALLER, caller.get()); // the response filter audits the outcome
        return null;
    }

    @ResponseFilter
    void audit(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(CALLER, ApiToken.Caller.class)
                .ifPresent(caller -> audit(request, caller.name(), response.code()));
    }

    private static MutableHttpResponse<Problem> audited(HttpRequest<?> request, String who,
                                                        MutableHttpResponse<Problem> refusal) {
        audit(request, who, refusal.code());
        return refusal;
    }

    private static void audit(HttpRequest<?> request, String who, int status) {
        if (!READING.contains(request.getMethod())) {
            AUDIT_LOG.info("caller={} method={} path={} status={}", who, request.getMethodName(),
                    Secrets.mask(request.getPath()), status);
        }
    }

    /** Anything that changes something, and the rejects files (they hold rows of the source's data). */
    private static boolean needsOperator(HttpRequest<?> request) {
        return !READING.contains(request.getMethod()) || request.getPath().endsWith("/rejects");
    }

    private static boolean isHealth(String path) {
        return path.equals(HealthController.PATH) || path.equals(HealthController.READY_PATH);
    }
}
