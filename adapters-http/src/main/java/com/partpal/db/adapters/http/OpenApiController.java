package com.partpal.db.adapters.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI document micronaut-openapi generated from the controllers at compile time. */
@OpenAPIDefinition(info = @Info(title = OpenApiController.TITLE, version = OpenApiController.VERSION,
        description = "partpal-db HTTP API: migrations and other jobs, health, monitoring, metrics (docs/http-api.md)"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
@Controller
final class OpenApiController {
    static final String TITLE = "partpal-db";
    static final String VERSION = "1";
    private static final String DOCUMENT = "META-INF/swagger/" + TITLE + "-" + VERSION + ".yml";

    @Get("/api/openapi.yml")
    @ApiDocs.Guarded
    @Produces("application/yaml")
    HttpResponse<byte[]> document() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("the build did not generate " + DOCUMENT);
            }
            return HttpResponse.ok(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
