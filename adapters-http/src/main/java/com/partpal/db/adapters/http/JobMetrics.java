package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.JobRegistry;
import com.partpal.db.application.jobs.JobSnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * partpal_jobs{kind,state} (gauge), partpal_job_duration_seconds{kind,state} (timer of finished jobs, submitted to
 * finished), partpal_rows_migrated_total, partpal_rows_copied_total and partpal_rows_rejected_total, read from {@link JobRegistry#list()} snapshots. Tags are kinds and
 * states only: no target, option or URL ever becomes a label.
 */
@Singleton
final class JobMetrics implements MeterBinder {
    private final JobRegistry jobs;
    private final Set<String> timedJobs = ConcurrentHashMap.newKeySet();
    private final RowCounters rows = new RowCounters();
    private MeterRegistry registry;
    private MultiGauge jobCounts;

    JobMetrics(JobRegistry jobs) {
        this.jobs = jobs;
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        registry = meterRegistry;
        jobCounts = MultiGauge.builder("partpal.jobs").description("Jobs by kind and state").register(meterRegistry);
        FunctionCounter.builder("partpal.rows.migrated", rows, RowCounters::read)
                .description("Rows read by migration jobs, finished or running (copied plus rejected)")
                .register(meterRegistry);
        FunctionCounter.builder("partpal.rows.copied", rows, RowCounters::copied)
                .description("Rows of fully loaded tables that migration jobs wrote to their targets")
                .register(meterRegistry);
        FunctionCounter.builder("partpal.rows.rejected", rows, RowCounters::rejected)
                .description("Rows of fully loaded tables that migration jobs wrote to their rejects files instead")
                .register(meterRegistry);
        refresh();
    }

    /** Brings the job gauges and durations up to date; called before each scrape. */
    synchronized void refresh() {
        if (registry == null) {
            return;
        }
        List<JobSnapshot> snapshots = jobs.list();
        rows.update(snapshots);
        Map<Tags, Long> counts = snapshots.stream().collect(Collectors.groupingBy(JobMetrics::tags, Collectors.counting()));
        jobCounts.register(counts.entrySet().stream()
                .map(count -> MultiGauge.Row.of(count.getKey(), count.getValue())).toList(), true);
        for (JobSnapshot job : snapshots) {
            if (job.state().finished() && job.finishedAt() != null && timedJobs.add(job.id())) {
                Timer.builder("partpal.job.duration").description("How long finished jobs ran, started to finished")
                        .tags(tags(job))
                        .register(registry)
                        .record(Duration.between(Instant.parse(job.startedAt() != null ? job.startedAt() : job.submittedAt()),
                                Instant.parse(job.finishedAt())));
            }
        }
    }

    private static Tags tags(JobSnapshot job) {
        return Tags.of("kind", job.kind(), "state", job.state().name().toLowerCase(Locale.ROOT));
    }
}
