package com.partpal.db.adapters.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error response Micronaut itself makes (malformed JSON, wrong types, unknown fields, unknown routes, wrong
 * methods or media types, unexpected failures) as problem details with a message of our own: never the framework's
 * text, which names classes and echoes input. A 5xx carries an error id that the server log shows with the trace.
 */
@Singleton
final class ProblemResponses implements ErrorResponseProcessor<Problem> {
    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        Problem problem;
        if (status.getCode() >= 500) {
            String id = InternalErrors.log(context.getRequest(), context.getRootCause().orElse(null));
            problem = Problem.internal(id);
        } else {
            problem = Problem.of(status, detail(status, context));
        }
        return ((MutableHttpResponse<Problem>) response).contentType(Problem.MEDIA_TYPE).body(problem);
    }

    private static String detail(HttpStatus status, ErrorContext context) {
        HttpRequest<?> request = context.getRequest();
        String known = knownInChain(context.getRootCause().orElse(null));
        if (known != null) {
            return known;
        }
        return switch (status) {
            case NOT_FOUND -> "no such endpoint: " + request.getMethodName() + " " + request.getPath()
                    + " (see GET /api/openapi.yml)";
            case METHOD_NOT_ALLOWED -> request.getMethodName() + " is not allowed on " + request.getPath();
            case UNSUPPORTED_MEDIA_TYPE -> "send the body as application/json";
            case NOT_ACCEPTABLE -> "this endpoint cannot answer in the media type asked for (Accept)";
            case REQUEST_ENTITY_TOO_LARGE -> "the request body is too large";
            case BAD_REQUEST -> "bad request: the body must be a JSON object with the documented fields";
            default -> status.getReason();
        };
    }

    /** The most precise words for a failure anywhere in the chain (Jackson wraps the precise one in general ones). */
    private static String knownInChain(Throwable first) {
        for (boolean general : new boolean[]{false, true}) {
            for (Throwable cause = first; cause != null; cause = cause.getCause()) {
                String known = general ? general(cause) : known(cause);
                if (known != null) {
                    return known;
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
        }
        return null;
    }

    /** Our own words for the failures we can name; null for the others. */
    private static String known(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + path(unknown) + "'" + known(unknown.getKnownPropertyIds());
        }
        if (cause instanceof InvalidFormatException invalid && String.valueOf(invalid.getOriginalMessage())
                .contains("NUL character")) {
            return "field '" + path(invalid) + "' contains a NUL character";
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return mismatch.getPath().isEmpty() ? "the body must be a JSON object"
                    : "field '" + path(mismatch) + "' must be " + expected(mismatch.getTargetType());
        }
        if (cause instanceof JsonParseException parse) {
            return "malformed JSON" + (parse.getLocation() == null ? ""
                    : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr());
        }

        if (cause instanceof ConversionErrorException conversion
                && conversion.getArgument().getAnnotationMetadata().hasAnnotation(Body.class)) {
            Throwable inner = conversion.getConversionError().getCause();
            String named = inner == null || inner == cause ? null : knownInChain(inner);
            return named != null ? named : "the body must be a JSON object";
        }
        if (cause instanceof ConversionErrorException conversion) {
            return "parameter '" + conversion.getArgument().getName() + "' must be "
                    + expected(conversion.getArgument().getType());
        }
        if (cause instanceof UnsatisfiedArgumentException missing) {
            return "missing parameter '" + missing.getArgument().getName() + "'";
        }
        return null;
    }

    /** Words for failures only named in general terms. */
    private static String general(Throwable cause) {
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "field '" + path(mapping) + "' cannot be read";
        }
        if (cause instanceof JsonProcessingException) {
            return "malformed JSON";
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String known(Collection<Object> fields) {
        return fields == null || fields.isEmpty() ? ""
                : "; known fields: " + fields.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
            return "a list of strings";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        return "of another type";
    }
}
