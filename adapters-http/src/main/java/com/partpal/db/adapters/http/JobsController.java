package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.JobFinishedException;
import com.partpal.db.application.jobs.JobRegistry;
import com.partpal.db.application.jobs.JobSnapshot;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.sse.Event;
import reactor.core.publisher.Flux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lists and shows jobs, streams their progress, hands out their reports and rejects, cancels them (each kind of job
 * is started by its own controller). Off the event loop: the registry's lock is also taken while history files are
 * written.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiDocs.Guarded
@Controller("/api")
final class JobsController {
    /** How often a job's event stream looks for changes (partpal.http.events-interval, default 500ms). */
    static final String EVENTS_INTERVAL = "partpal.http.events-interval";
    /** The longest a stream stays silent while its job runs (partpal.http.events-heartbeat, default 15s). */
    static final String EVENTS_HEARTBEAT = "partpal.http.events-heartbeat";
    static final String REJECTS_TYPE = "application/jsonl";

    private final JobRegistry registry;
    private final JobViewMapper views;
    private final Duration eventsInterval;
    private final Duration heartbeat;

    JobsController(JobRegistry registry, JobViewMapper views,
                   @Value("${" + EVENTS_INTERVAL + ":500ms}") Duration eventsInterval,
                   @Value("${" + EVENTS_HEARTBEAT + ":15s}") Duration heartbeat) {
        this.registry = registry;
        this.views = views;
        this.eventsInterval = eventsInterval;
        this.heartbeat = heartbeat;
    }

    static String url(String id) {
        return "/api/jobs/" + id;
    }

    /**
     * Jobs oldest first, {@code limit} (default 100) at a time; when more follow, the Link header's rel="next" URL (and
     * X-Next-Cursor) gives the next page.
     */
    @Get("/jobs")
    @ApiResponse(responseCode = "200", description = "a page of jobs; a Link rel=\"next\" header when more follow")
    @ApiResponse(responseCode = "400", description = "a limit out of 1..1000 or a cursor this server did not give",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<List<JobView>> jobs(@QueryValue @Nullable Integer limit, @QueryValue @Nullable String cursor) {
        JobPage page = JobPage.of(registry.list(), limit, cursor);
        MutableHttpResponse<List<JobView>> response = HttpResponse.ok(views.toViews(page.jobs()));
        if (page.nextCursor() != null) {
            response.header("X-Next-Cursor", page.nextCursor()).header(HttpHeaders.LINK, "</api/jobs?limit="
                    + page.jobs().size() + "&cursor=" + page.nextCursor() + ">; rel=\"next\"");
        }
        return response;
    }

    @Get("/jobs/{id}")
    @ApiResponse(responseCode = "200", description = "the job",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class)))
    @ApiDocs.ById
    HttpResponse<?> job(@PathVariable String id) {
        return registry.find(id).<HttpResponse<?>>map(j -> HttpResponse.ok(views.toView(j))).orElseGet(() -> noSuchJob(id));
    }

    /**
     * Server-sent events: "progress" with the job whenever its state, phase or table rows change (looked at every
     * events interval, and at least every {@link #EVENTS_HEARTBEAT} so that proxies keep a quiet stream open, e.g. while
     * indexes build), then one "finished" event with its final state, and the stream ends. A finished job's stream
     * is that one event.
     */
    @Get(value = "/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM)
    @ApiResponse(responseCode = "200", description = "progress events, then one finished event",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM))
    @ApiDocs.ById
    HttpResponse<?> events(@PathVariable String id) {
        if (registry.find(id).isEmpty()) {
            return noSuchJob(id);
        }
        Flux<Event<JobView>> events = Flux.interval(Duration.ZERO, eventsInterval)
                .onBackpressureDrop() // a slow client skips ticks, never the final state
                .map(tick -> Map.entry(tick, registry.find(id)))
                .takeWhile(seen -> seen.getValue().isPresent())
                .distinctUntilChanged(seen -> List.of(change(seen.getValue().get()), quietPeriod(seen.getKey())))
                .map(seen -> seen.getValue().get())
                .takeUntil(job -> job.state().finished())
                .map(job -> Event.of(views.toView(job)).name(job.state().finished() ? "finished" : "progress"));
        return HttpResponse.ok(events).contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
    }

    /** Which {@link #EVENTS_HEARTBEAT}-long period a tick falls in: a new period repeats the job even if unchanged. */
    private long quietPeriod(long tick) {
        return tick * eventsInterval.toMillis() / Math.max(1, heartbeat.toMillis());
    }

    /** What makes a new event: not the rates and ETAs, which move with the clock alone. */
    private static List<Object> change(JobSnapshot job) {
        return List.of(job.state(), String.valueOf(job.phase()),
                job.tables().stream().map(t -> t.table() + ":" + t.rowsDone() + ":" + t.finished()).toList());
    }

    /** The report of a finished job (the CLI's --report JSON) as a file. */
    @Get(value = "/jobs/{id}/report", produces = MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the report (the CLI's --report JSON), as a file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @ApiResponse(responseCode = "409", description = "the job has not finished",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.ById
    HttpResponse<?> report(@PathVariable String id) {
        return download(id, "report", job -> Optional.ofNullable(job.reportJson())
                .<MutableHttpResponse<?>>map(json -> HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + job.kind() + "-" + id
                                + "-report.json\"")));
    }

    /** The rejects file (JSON Lines) of a finished migration, as its report names it. */
    @Get(value = "/jobs/{id}/rejects", produces = REJECTS_TYPE)
    @ApiResponse(responseCode = "200", description = "the rejected rows, JSON Lines, as a file",
            content = @Content(mediaType = REJECTS_TYPE))
    @ApiResponse(responseCode = "403", description = "a read-only token (rejected rows hold the source's data)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "the job has not finished",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.ById
    HttpResponse<?> rejects(@PathVariable String id) {
        return download(id, "rejects file", job -> ReportFields.rejectsFile(job.reportJson())
                .filter(Files::isRegularFile)
                .<MutableHttpResponse<?>>map(file -> HttpResponse.ok(new SystemFile(file.toFile(), MediaType.of(REJECTS_TYPE))
                        .attach(job.kind() + "-" + id + "-rejects.jsonl"))));
    }

    /** A finished job's file, else 404 (no such job, or it has none) or 409 (it has not finished). */
    private HttpResponse<?> download(String id, String what,
                                     Function<JobSnapshot, Optional<MutableHttpResponse<?>>> file) {
        Optional<JobSnapshot> found = registry.find(id);
        if (found.isEmpty()) {
            return noSuchJob(id);
        }
        Optional<MutableHttpResponse<?>> response = file.apply(found.get());
        if (response.isPresent()) {
            return response.get();
        }
        boolean finished = found.get().state().finished();
        return Problem.response(finished ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, "job " + id + " has no " + what
                + (finished ? "" : " yet: it has not finished"));
    }

    @Delete("/jobs/{id}")
    @ApiResponse(responseCode = "202", description = "the job is asked to stop at its next check",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class)))
    @ApiResponse(responseCode = "403", description = "a read-only token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "the job already finished",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.ById
    HttpResponse<?> cancel(@PathVariable String id) {
        try {
            return registry.cancel(id).<HttpResponse<?>>map(j -> HttpResponse.accepted().body(views.toView(j)))
                    .orElseGet(() -> noSuchJob(id));
        } catch (JobFinishedException e) {
            return Problem.response(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private static HttpResponse<Problem> noSuchJob(String id) {
        return Problem.response(HttpStatus.NOT_FOUND, "no job " + id);
    }
}
