package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.MigrationJobs;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/** POST /api/migrations: migrate (then verify) as a job. */
@Controller("/api/migrations")
final class MigrationsController {
    private final MigrationJobs migrations;
    private final JobRequestMapper requests;

    MigrationsController(MigrationJobs migrations, JobRequestMapper requests) {
        this.migrations = migrations;
        this.requests = requests;
    }

    @Post
    HttpResponse<JobLink> migrate(@Nullable @Body MigrationBody body) {
        return JobLink.accepted(migrations.start(requests.toRequest(Fields.body(body, "from and to"))));
    }
}
