package com.partpal.db.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.partpal.db.domain.connection.Secrets;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * RFC 9457 problem details with one clear, masked message; runningJobId only for a conflict, errorId only for a 500
 * (the server log shows the same id with the trace).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String runningJobId, String errorId) {
    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(HttpStatus status, String detail) {
        return new Problem("about:blank", status.getReason(), status.getCode(), Secrets.mask(detail), null, null);
    }

    static MutableHttpResponse<Problem> response(HttpStatus status, String detail) {
        return response(status, detail, null);
    }

    static MutableHttpResponse<Problem> response(HttpStatus status, String detail, String runningJobId) {
        Problem body = new Problem("about:blank", status.getReason(), status.getCode(), Secrets.mask(detail),
                runningJobId, null);
        return HttpResponse.<Problem>status(status).contentType(MEDIA_TYPE).body(body);
    }

    static Problem internal(String errorId) {
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return new Problem("about:blank", status.getReason(), status.getCode(),
                "internal error " + errorId + "; the server log has its details under this id", null, errorId);
    }
}
