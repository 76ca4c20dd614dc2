package com.partpal.db.adapters.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Prometheus text format: JVM, HTTP server, partpal job and backup freshness metrics (bearer token required, like the API). */
@ApiDocs.Guarded
@Controller
final class MetricsController {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final JobMetrics jobMetrics;
    private final BackupMetrics backupMetrics;

    MetricsController(PrometheusMeterRegistry registry, JobMetrics jobMetrics, BackupMetrics backupMetrics) {
        this.registry = registry;
        this.jobMetrics = jobMetrics;
        this.backupMetrics = backupMetrics;
    }

    @Get("/metrics")
    @Produces(PROMETHEUS_TEXT)
    @ExecuteOn(TaskExecutors.BLOCKING) // the backup gauges read the catalogues' files
    String scrape() {
        jobMetrics.refresh();
        backupMetrics.refresh();
        return registry.scrape();
    }
}
