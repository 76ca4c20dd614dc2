package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.MigrationJobs;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;

/** POST /api/migrations: migrate (then verify) as a job. */
@ExecuteOn(TaskExecutors.BLOCKING) // opens databases and files: never on the event loop
@ApiDocs.Guarded
@Controller("/api/migrations")
final class MigrationsController {
    private final MigrationJobs migrations;
    private final JobRequestMapper requests;
    private final AllowedPlaces places;

    MigrationsController(MigrationJobs migrations, JobRequestMapper requests, AllowedPlaces places) {
        this.migrations = migrations;
        this.requests = requests;
        this.places = places;
    }

    @Post
    @Status(HttpStatus.ACCEPTED) // for the OpenAPI document: the HttpResponse sets it
    @ApiDocs.StartsAJob
    @ApiDocs.ReadsInput
    HttpResponse<JobLink> migrate(@Nullable @Body MigrationBody body) {
        Fields.body(body, "from and to");
        places.readable("from", body.from());
        return JobLink.accepted(migrations.start(requests.toRequest(body)));
    }
}
