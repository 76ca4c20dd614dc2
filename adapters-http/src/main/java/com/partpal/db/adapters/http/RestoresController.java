package com.partpal.db.adapters.http;

import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.jobs.RestoreJobs;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;

/** POST /api/restores: restore as a job, once "confirm" names the database it overwrites. */
@ExecuteOn(TaskExecutors.BLOCKING) // opens databases and files: never on the event loop
@ApiDocs.Guarded
@Controller("/api/restores")
final class RestoresController {
    private final RestoreJobs restores;
    private final JobRequestMapper requests;
    private final AllowedPlaces places;
    private final BackupServices services;

    RestoresController(RestoreJobs restores, JobRequestMapper requests, AllowedPlaces places, BackupServices services) {
        this.restores = restores;
        this.requests = requests;
        this.places = places;
        this.services = services;
    }

    @Post
    @Status(HttpStatus.ACCEPTED) // for the OpenAPI document: the HttpResponse sets it
    @ApiDocs.StartsAJob
    @ApiDocs.ReadsInput
    HttpResponse<JobLink> restore(@Nullable @Body RestoreBody body) {
        Fields.body(body, "backup, to and confirm");
        places.catalogue("directory", body.directory());
        places.restoreTarget("to", body.to());
        String backup = Text.withoutNul("backup", body.backup());
        if (backup != null && !"latest".equals(backup) && AllowedPlaces.looksLikeAFile(backup)
                && services.catalog(requests.directory(body.directory())).find(backup).isEmpty()) {
            places.backupFile("backup", backup); // not an id of the catalogue: a file
        }
        return JobLink.accepted(restores.start(requests.directory(body.directory()), requests.toRequest(body),
                body.confirm()));
    }
}
