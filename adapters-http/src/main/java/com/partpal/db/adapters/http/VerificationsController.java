package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.VerificationJobs;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;

/** POST /api/verifications: verify as a job. */
@ExecuteOn(TaskExecutors.BLOCKING) // opens databases and files: never on the event loop
@ApiDocs.Guarded
@Controller("/api/verifications")
final class VerificationsController {
    private final VerificationJobs verifications;
    private final JobRequestMapper requests;
    private final AllowedPlaces places;

    VerificationsController(VerificationJobs verifications, JobRequestMapper requests, AllowedPlaces places) {
        this.verifications = verifications;
        this.requests = requests;
        this.places = places;
    }

    @Post
    @Status(HttpStatus.ACCEPTED) // for the OpenAPI document: the HttpResponse sets it
    @ApiDocs.StartsAJob
    @ApiDocs.ReadsInput
    HttpResponse<JobLink> verify(@Nullable @Body VerificationBody body) {
        Fields.body(body, "from and to");
        String rejects = body.options() == null ? null : body.options().rejects();
        places.readable("from", body.from());
        places.readable("to", body.to());
        places.readableFile("options.rejects", rejects);
        return JobLink.accepted(verifications.start(requests.toRequest(body), rejects));
    }
}
