package com.partpal.db.adapters.http;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The answers the OpenAPI document lists, grouped the way the endpoints share them (micronaut-openapi reads these
 * stereotypes like the @ApiResponse they carry). Every 4xx/5xx body is a Problem.
 */
final class ApiDocs {
    private ApiDocs() {
    }

    /** Any endpoint behind the token. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "401", description = "no or an unknown bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "500", description = "an unexpected failure; errorId names it in the server log",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @interface Guarded {
    }

    /** Any endpoint that reads what a request names (a database, a directory, a query parameter). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "400", description = "bad input: malformed JSON, a wrong type, an unknown field, a bad"
            + " URL, a missing file, an unreachable database",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "a file or directory outside the directories the server may use,"
            + " or a read-only token asking for a change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @interface ReadsInput {
    }

    /** POSTs that queue a job. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "202", description = "the job is queued; follow it at Location",
            headers = @Header(name = "Location", description = "/api/jobs/{id}"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobLink.class)))
    @ApiResponse(responseCode = "409", description = "another job writes the same database or catalogue;"
            + " runningJobId names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "the server is stopping and takes no new job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @interface StartsAJob {
    }

    /** Endpoints about one job or one backup, by id. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "404", description = "no such id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @interface ById {
    }
}
