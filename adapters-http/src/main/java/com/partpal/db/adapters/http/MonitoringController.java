package com.partpal.db.adapters.http;

import com.partpal.db.application.port.monitoring.DatabaseMonitoring;
import com.partpal.db.application.monitoring.MonitoringUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/** Figures of one database: a configured name (see /api/health/ready) or a PostgreSQL URL or SQLite file. */
@Controller
final class MonitoringController {
    private final MonitoringUseCase monitoring;

    MonitoringController(MonitoringUseCase monitoring) {
        this.monitoring = monitoring;
    }

    @Get("/api/monitoring")
    DatabaseMonitoring monitoring(@QueryValue @Nullable String db) {
        return monitoring.inspect(db);
    }
}
