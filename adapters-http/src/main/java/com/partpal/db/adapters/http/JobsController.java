package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.JobFinishedException;
import com.partpal.db.application.jobs.JobRegistry;
import com.partpal.db.application.jobs.JobSnapshot;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.sse.Event;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Lists and shows jobs, streams their progress, cancels them (each kind of job is started by its own controller). */
@Controller("/api")
final class JobsController {
    /** How often a job's event stream looks for changes (partpal.http.events-interval, default 500ms). */
    static final String EVENTS_INTERVAL = "partpal.http.events-interval";
    /** The longest a stream stays silent while its job runs (partpal.http.events-heartbeat, default 15s). */
    static final String EVENTS_HEARTBEAT = "partpal.http.events-heartbeat";

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

    @Get("/jobs")
    List<JobView> jobs() {
        return views.toViews(registry.list());
    }

    @Get("/jobs/{id}")
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

    @Delete("/jobs/{id}")
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
