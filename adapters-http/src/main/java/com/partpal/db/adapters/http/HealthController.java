package com.partpal.db.adapters.http;

import com.partpal.db.application.monitoring.MonitoringUseCase;
import com.partpal.db.application.monitoring.Readiness;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.Map;

/**
 * Liveness and readiness, without a token (probes carry none). Readiness names each configured database with UP or
 * DOWN and a short masked reason, never its URL; 503 when one is down.
 */
@Controller
final class HealthController {
    static final String PATH = "/api/health";
    static final String READY_PATH = "/api/health/ready";

    private final MonitoringUseCase monitoring;

    HealthController(MonitoringUseCase monitoring) {
        this.monitoring = monitoring;
    }

    @Get(PATH)
    Map<String, String> health() {
        return Map.of("status", Readiness.UP);
    }

    @Get(READY_PATH)
    @ExecuteOn(TaskExecutors.BLOCKING) // pings every configured database
    @ApiResponse(responseCode = "200", description = "every configured database answers")
    @ApiResponse(responseCode = "503", description = "a configured database is DOWN; its entry says why")
    HttpResponse<Readiness> ready() {
        Readiness readiness = monitoring.readiness();
        return HttpResponse.status(readiness.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(readiness);
    }
}
