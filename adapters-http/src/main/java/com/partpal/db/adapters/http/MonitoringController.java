package com.partpal.db.adapters.http;

import com.partpal.db.application.port.monitoring.DatabaseMonitoring;
import com.partpal.db.application.monitoring.MonitoringUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Figures of one database: a configured name (see /api/health/ready) or a PostgreSQL URL or SQLite file. */
@ExecuteOn(TaskExecutors.BLOCKING) // opens databases and files: never on the event loop
@ApiDocs.Guarded
@Controller
final class MonitoringController {
    private final MonitoringUseCase monitoring;
    private final AllowedPlaces places;

    MonitoringController(MonitoringUseCase monitoring, AllowedPlaces places) {
        this.monitoring = monitoring;
        this.places = places;
    }

    @Get("/api/monitoring")
    @ApiResponse(responseCode = "200", description = "PostgreSQL or SQLite figures, as \"kind\" says")
    @ApiDocs.ReadsInput
    DatabaseMonitoring monitoring(@QueryValue @Nullable String db) {
        return monitoring.inspect(places.monitored("db", db));
    }
}
