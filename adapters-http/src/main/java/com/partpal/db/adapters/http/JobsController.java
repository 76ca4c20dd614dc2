package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.JobRegistry;
import com.partpal.db.application.jobs.JobSnapshot;
import com.partpal.db.application.jobs.MigrationJobs;
import com.partpal.db.application.migrate.MigrateRequest;
import com.partpal.db.application.port.OnExisting;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.plan.PlanOptions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Starts jobs, lists and shows them, cancels them. */
@Controller("/api")
final class JobsController {
    private final JobRegistry registry;
    private final MigrationJobs migrations;

    JobsController(JobRegistry registry, MigrationJobs migrations) {
        this.registry = registry;
        this.migrations = migrations;
    }

    static String url(String id) {
        return "/api/jobs/" + id;
    }

    @Post("/migrations")
    HttpResponse<Map<String, String>> migrate(@Nullable @Body MigrationBody body) {
        if (body == null) {
            throw new BadInputException("missing body: give a JSON object with from and to");
        }
        JobSnapshot job = migrations.start(request(body));
        return HttpResponse.accepted(URI.create(url(job.id()))).body(Map.of("id", job.id(), "url", url(job.id())));
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

    private static MigrateRequest request(MigrationBody body) {
        require(body.from(), "from", "a SQLite file or URL");
        require(body.to(), "to", "a PostgreSQL URL");
        MigrationBody.Options o = body.options() != null ? body.options()
                : new MigrationBody.Options(null, null, null, null, null, null, null);
        PlanOptions plan = new PlanOptions(o.jsonColumns() == null ? null : new HashSet<>(o.jsonColumns()), o.tables(),
                o.exclude());
        return new MigrateRequest(body.from(), body.to(), plan, atLeastOne(o.jobs(), 2, "jobs"),
                atLeastOne(o.batchSize(), 5000, "batchSize"), onExisting(o.onExisting()), false,
                o.verify() == null || o.verify());
    }

    private static void require(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new BadInputException("missing field '" + field + "': " + what);
        }
    }

    private static int atLeastOne(Integer value, int byDefault, String field) {
        if (value == null) {
            return byDefault;
        }
        if (value < 1) {
            throw new BadInputException("'" + field + "' must be at least 1");
        }
        return value;
    }

    private static OnExisting onExisting(String value) {
        if (value == null) {
            return OnExisting.FAIL;
        }
        try {
            return OnExisting.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("'onExisting' must be fail, truncate or drop");
        }
    }
}
