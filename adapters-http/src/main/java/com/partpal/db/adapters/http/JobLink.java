package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.JobSnapshot;
import io.micronaut.http.HttpResponse;

import java.net.URI;

/** The answer to a job started: 202, Location and the job's id and URL. */
public record JobLink(String id, String url) {
    static HttpResponse<JobLink> accepted(JobSnapshot job) {
        String url = JobsController.url(job.id());
        return HttpResponse.accepted(URI.create(url)).body(new JobLink(job.id(), url));
    }
}
