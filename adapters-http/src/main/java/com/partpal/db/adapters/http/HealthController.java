package com.partpal.db.adapters.http;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.Map;

/** Liveness, without a token. */
@Controller
final class HealthController {
    static final String PATH = "/api/health";

    @Get(PATH)
    Map<String, String> health() {
        return Map.of("status", "up");
    }
}
