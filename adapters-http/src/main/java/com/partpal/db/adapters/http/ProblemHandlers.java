package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.JobConflictException;
import com.partpal.db.application.jobs.ServerStoppingException;
import com.partpal.db.domain.BadInputException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Maps the application's exceptions to problem details: bad input 400, a place outside the allowed directories 403, a
 * busy target 409, a stopping server 503.
 */
final class ProblemHandlers {
    private ProblemHandlers() {
    }

    @Produces
    @Singleton
    @Requires(classes = {BadInputException.class, ExceptionHandler.class})
    static final class BadInput implements ExceptionHandler<BadInputException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, BadInputException exception) {
            return Problem.response(HttpStatus.BAD_REQUEST, exception.getMessage());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {PlaceNotAllowedException.class, ExceptionHandler.class})
    static final class NotAllowed implements ExceptionHandler<PlaceNotAllowedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, PlaceNotAllowedException exception) {
            return Problem.response(HttpStatus.FORBIDDEN, exception.getMessage());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {ServerStoppingException.class, ExceptionHandler.class})
    static final class Stopping implements ExceptionHandler<ServerStoppingException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ServerStoppingException exception) {
            return Problem.response(HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {JobConflictException.class, ExceptionHandler.class})
    static final class Conflict implements ExceptionHandler<JobConflictException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, JobConflictException exception) {
            return Problem.response(HttpStatus.CONFLICT, exception.getMessage(), exception.runningJobId());
        }
    }
}
