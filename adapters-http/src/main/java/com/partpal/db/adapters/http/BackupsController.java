package com.partpal.db.adapters.http;

import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.jobs.BackupJobs;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.RetentionPolicy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.nio.file.Path;
import java.util.List;

/**
 * Backups: start one as a job, read the catalogue, check a backup, prune. The catalogue directory is the request's
 * "directory" (query parameter for reads), else the CLI's default ($PARTPAL_BACKUP_DIR, else ./backups).
 */
@ExecuteOn(TaskExecutors.BLOCKING) // opens databases and files: never on the event loop
@ApiDocs.Guarded
@Controller("/api/backups")
final class BackupsController {
    private final BackupJobs backups;
    private final BackupServices services;
    private final JobRequestMapper requests;
    private final BackupViewMapper views;
    private final AllowedPlaces places;

    BackupsController(BackupJobs backups, BackupServices services, JobRequestMapper requests, BackupViewMapper views,
                      AllowedPlaces places) {
        this.backups = backups;
        this.services = services;
        this.requests = requests;
        this.views = views;
        this.places = places;
    }

    @Post
    @Status(HttpStatus.ACCEPTED) // for the OpenAPI document: the HttpResponse sets it
    @ApiDocs.StartsAJob
    @ApiDocs.ReadsInput
    HttpResponse<JobLink> backup(@Nullable @Body BackupBody body) {
        Fields.body(body, "database");
        places.readable("database", body.database());
        places.catalogue("directory", body.directory());
        return JobLink.accepted(backups.start(requests.toRequest(body)));
    }

    /** The catalogue, oldest first; database narrows it to one database (as the manifests name it). */
    @Get
    @ApiDocs.ReadsInput
    List<BackupView> list(@Nullable @QueryValue String directory, @Nullable @QueryValue String database) {
        List<BackupManifest> all = services.catalog(requests.directory(places.catalogue("directory", directory))).list();
        return views.toViews(all.stream().filter(m -> database == null || m.database().equals(database)).toList());
    }

    @Get("/{id}")
    @ApiResponse(responseCode = "200", description = "the backup's manifest",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BackupView.class)))
    @ApiDocs.ReadsInput
    @ApiDocs.ById
    HttpResponse<?> show(@PathVariable String id, @Nullable @QueryValue String directory) {
        Path dir = requests.directory(places.catalogue("directory", directory));
        return services.catalog(dir).find(id).<HttpResponse<?>>map(m -> HttpResponse.ok(views.toView(m)))
                .orElseGet(() -> noSuchBackup(id, dir));
    }

    /** Re-hashes the backup and reads its whole archive (optionally restore-tests it), synchronously. */
    @Post("/{id}/verify")
    @ApiResponse(responseCode = "200", description = "the check's outcome (ok false for a corrupt backup)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BackupCheckView.class)))
    @ApiDocs.ReadsInput
    @ApiDocs.ById
    HttpResponse<?> verify(@PathVariable String id, @Nullable @Body BackupCheckBody body) {
        BackupCheckBody b = body != null ? body : new BackupCheckBody(null, null, null, null);
        Path dir = requests.directory(places.catalogue("directory", b.directory()));
        Text.withoutNul("scratchServer", b.scratchServer());
        if (!"latest".equals(id) && services.catalog(dir).find(id).isEmpty()) {
            return noSuchBackup(id, dir);
        }
        return HttpResponse.ok(views.toView(services.verify(dir).verify(id, b.database(),
                Boolean.TRUE.equals(b.restoreTest()), b.scratchServer())));
    }

    @Post("/prune")
    @ApiDocs.ReadsInput
    PruneView prune(@Nullable @Body PruneBody body) {
        PruneBody b = body != null ? body : new PruneBody(null, null, null, null, null);
        boolean dryRun = Boolean.TRUE.equals(b.dryRun());
        RetentionPolicy rules = requests.retention(b);
        RetentionPolicy policy = RetentionPolicy.orDefault(rules.maxAgeDays(), rules.keepLast());
        return views.toPruneView(services.prune(requests.directory(places.catalogue("directory", b.directory()))).prune(policy, b.database(), dryRun),
                dryRun);
    }

    private HttpResponse<Problem> noSuchBackup(String id, Path dir) {
        return Problem.response(HttpStatus.NOT_FOUND,
                "no backup " + id + " in " + services.directory(dir) + " (see GET /api/backups)");
    }
}
