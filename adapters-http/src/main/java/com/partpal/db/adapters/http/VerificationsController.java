package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.VerificationJobs;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/** POST /api/verifications: verify as a job. */
@Controller("/api/verifications")
final class VerificationsController {
    private final VerificationJobs verifications;
    private final JobRequestMapper requests;

    VerificationsController(VerificationJobs verifications, JobRequestMapper requests) {
        this.verifications = verifications;
        this.requests = requests;
    }

    @Post
    HttpResponse<JobLink> verify(@Nullable @Body VerificationBody body) {
        Fields.body(body, "from and to");
        String rejects = body.options() == null ? null : body.options().rejects();
        return JobLink.accepted(verifications.start(requests.toRequest(body), rejects));
    }
}
