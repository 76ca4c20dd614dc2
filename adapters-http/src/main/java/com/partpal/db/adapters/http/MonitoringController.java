package com.partpal.db.adapters.http;

import com.partpal.db.application.port.monitoring.DatabaseMonitoring;
import com.partpal.db.application.monitoring.MonitoringUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Figures of one database: a configured name (see /api/health/ready) or a PostgreSQL URL or SQLite file. */
@Controller
final class MonitoringController {
    private final MonitoringUseCase monitoring;

    MonitoringController(MonitoringUseCase monitoring) {
        this.monitoring = monitoring;
    }

    @Get("/api/monitoring")
    @ApiResponse(responseCode = "200", description = "PostgreSQL or SQLite figures, as \"kind\" says")
    @ApiResponse(responseCode = "400", description = "no db, a bad URL, an unreachable server or a missing file")
    DatabaseMonitoring monitoring(@QueryValue @Nullable String db) {
        return monitoring.inspect(db);
    }
}
