package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.RestoreJobs;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/** POST /api/restores: restore as a job, once "confirm" names the database it overwrites. */
@Controller("/api/restores")
final class RestoresController {
    private final RestoreJobs restores;
    private final JobRequestMapper requests;

    RestoresController(RestoreJobs restores, JobRequestMapper requests) {
        this.restores = restores;
        this.requests = requests;
    }

    @Post
    HttpResponse<JobLink> restore(@Nullable @Body RestoreBody body) {
        Fields.body(body, "backup, to and confirm");
        return JobLink.accepted(restores.start(requests.directory(body.directory()), requests.toRequest(body),
                body.confirm()));
    }
}
