package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.JobRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * How serve stops on SIGTERM (or Ctrl-C): no new job is taken (503), running jobs are asked to stop at their next
 * check and get most of the grace period (partpal.http.grace-period, default 30 s) to reach it, then end INTERRUPTED
 * saying what their targets hold; every event stream then gets its job's final "finished" event before the server
 * closes. The whole stop stays within the grace period.
 */
@Singleton
public final class GracefulStop {
    public static final String GRACE_PERIOD = "partpal.http.grace-period";

    private final JobRegistry registry;
    private final Duration grace;
    private final Duration eventsInterval;

    GracefulStop(JobRegistry registry, @Value("${" + GRACE_PERIOD + ":30s}") Duration grace,
                 @Value("${" + JobsController.EVENTS_INTERVAL + ":500ms}") Duration eventsInterval) {
        this.registry = registry;
        this.grace = grace;
        this.eventsInterval = eventsInterval;
    }

    public Duration grace() {
        return grace;
    }

    /** Returns once the jobs have ended and the streams had time to send their last event. */
    public void stop() {
        Duration flush = eventsInterval.multipliedBy(2).plusMillis(200);
        Duration forJobs = grace.minus(flush).isNegative() ? Duration.ZERO : grace.minus(flush);
        registry.stop(forJobs);
        try {
            Thread.sleep(Math.min(flush.toMillis(), grace.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
