package com.partpal.db.adapters.http;

import com.partpal.db.domain.connection.Secrets;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Anything unexpected: the client gets a 500 problem with an error id and no class name or trace; the server log gets
 * the same id with the whole trace (masked: messages may quote a URL with its password).
 */
@Produces
@Singleton
final class InternalErrors implements ExceptionHandler<Exception, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(InternalErrors.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Exception exception) {
        return HttpResponse.<Problem>serverError().contentType(Problem.MEDIA_TYPE).body(Problem.internal(log(request, exception)));
    }

    /** Logs {@code failure} (may be null) under a new error id, which it returns. */
    static String log(HttpRequest<?> request, Throwable failure) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        String trace = "(no exception)";
        if (failure != null) {
            StringWriter text = new StringWriter();
            failure.printStackTrace(new PrintWriter(text));
            trace = text.toString();
        }
        LOG.error("error {} answering {} {}: {}", id, request.getMethodName(), Secrets.mask(request.getPath()),
                Secrets.mask(trace));
        return id;
    }
}
