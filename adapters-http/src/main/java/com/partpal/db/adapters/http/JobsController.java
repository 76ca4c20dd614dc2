package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.JobRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

import java.util.List;

/** Lists and shows jobs, cancels them (each kind of job is started by its own controller). */
@Controller("/api")
final class JobsController {
    private final JobRegistry registry;

    JobsController(JobRegistry registry) {
        this.registry = registry;
    }

    static String url(String id) {
        return "/api/jobs/" + id;
    }

    @Get("/jobs")
    List<JobView> jobs() {
        return registry.list().stream().map(JobView::of).toList();
    }

    @Get("/jobs/{id}")
    HttpResponse<?> job(@PathVariable String id) {
        return registry.find(id).<HttpResponse<?>>map(j -> HttpResponse.ok(JobView.of(j))).orElseGet(() -> noSuchJob(id));
    }

    @Delete("/jobs/{id}")
    HttpResponse<?> cancel(@PathVariable String id) {
        return registry.cancel(id).<HttpResponse<?>>map(j -> HttpResponse.accepted().body(JobView.of(j)))
                .orElseGet(() -> noSuchJob(id));
    }

    private static HttpResponse<Problem> noSuchJob(String id) {
        return Problem.response(HttpStatus.NOT_FOUND, "no job " + id);
    }
}
