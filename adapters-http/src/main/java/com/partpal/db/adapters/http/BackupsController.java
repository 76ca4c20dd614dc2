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
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;

import java.nio.file.Path;
import java.util.List;

/**
 * Backups: start one as a job, read the catalogue, check a backup, prune. The catalogue directory is the request's
 * "directory" (query parameter for reads), else the CLI's default ($PARTPAL_BACKUP_DIR, else ./backups).
 */
@Controller("/api/backups")
final class BackupsController {
    private final BackupJobs backups;
    private final BackupServices services;
    private final JobRequestMapper requests;
    private final BackupViewMapper views;

    BackupsController(BackupJobs backups, BackupServices services, JobRequestMapper requests, BackupViewMapper views) {
        this.backups = backups;
        this.services = services;
        this.requests = requests;
        this.views = views;
    }

    @Post
    HttpResponse<JobLink> backup(@Nullable @Body BackupBody body) {
        return JobLink.accepted(backups.start(requests.toRequest(Fields.body(body, "database"))));
    }

    /** The catalogue, oldest first; database narrows it to one database (as the manifests name it). */
    @Get
    List<BackupView> list(@Nullable @QueryValue String directory, @Nullable @QueryValue String database) {
        List<BackupManifest> all = services.catalog(requests.directory(directory)).list();
        return views.toViews(all.stream().filter(m -> database == null || m.database().equals(database)).toList());
    }

    @Get("/{id}")
    HttpResponse<?> show(@PathVariable String id, @Nullable @QueryValue String directory) {
        Path dir = requests.directory(directory);
        return services.catalog(dir).find(id).<HttpResponse<?>>map(m -> HttpResponse.ok(views.toView(m)))
                .orElseGet(() -> noSuchBackup(id, dir));
    }

    /** Re-hashes the backup and reads its whole archive (optionally restore-tests it), synchronously. */
    @Post("/{id}/verify")
    HttpResponse<?> verify(@PathVariable String id, @Nullable @Body BackupCheckBody body) {
        BackupCheckBody b = body != null ? body : new BackupCheckBody(null, null, null, null);
        Path dir = requests.directory(b.directory());
        if (!"latest".equals(id) && services.catalog(dir).find(id).isEmpty()) {
            return noSuchBackup(id, dir);
        }
        return HttpResponse.ok(views.toView(services.verify(dir).verify(id, b.database(),
                Boolean.TRUE.equals(b.restoreTest()), b.scratchServer())));
    }

    @Post("/prune")
    PruneView prune(@Nullable @Body PruneBody body) {
        PruneBody b = body != null ? body : new PruneBody(null, null, null, null, null);
        boolean dryRun = Boolean.TRUE.equals(b.dryRun());
        RetentionPolicy rules = requests.retention(b);
        RetentionPolicy policy = RetentionPolicy.orDefault(rules.maxAgeDays(), rules.keepLast());
        return views.toPruneView(services.prune(requests.directory(b.directory())).prune(policy, b.database(), dryRun),
                dryRun);
    }

    private HttpResponse<Problem> noSuchBackup(String id, Path dir) {
        return Problem.response(HttpStatus.NOT_FOUND,
                "no backup " + id + " in " + services.directory(dir) + " (see GET /api/backups)");
    }
}
