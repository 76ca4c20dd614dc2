package com.partpal.db.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.partpal.db.domain.connection.Secrets;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** RFC 9457 problem details with one clear, masked message; runningJobId only for a conflict. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String runningJobId) {
    public static final String MEDIA_TYPE = "application/problem+json";

    static MutableHttpResponse<Problem> response(HttpStatus status, String detail) {
        return response(status, detail, null);
    }

    static MutableHttpResponse<Problem> response(HttpStatus status, String detail, String runningJobId) {
        Problem body = new Problem("about:blank", status.getReason(), status.getCode(), Secrets.mask(detail), runningJobId);
        return HttpResponse.<Problem>status(status).contentType(MEDIA_TYPE).body(body);
    }
}
