package com.partpal.db.application.jobs;

import com.partpal.db.application.migrate.MigrationCancelledException;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.Secrets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Runs use cases as jobs on an executor and keeps them (in memory) for the front ends to list, follow and cancel.
 * Two jobs that write the same target never run at once: the second is refused with the running one's id.
 */
public final class JobRegistry {
    private final Executor executor;
    private final Clock clock;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public JobRegistry(Executor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Queues {@code work}; {@code target} (masked here) names what it writes, {@code options} are stored masked.
     *
     * @throws JobConflictException when an unfinished job writes the same target
     */
    public JobSnapshot submit(String kind, String target, Map<String, String> options, JobWork work) {
        String maskedTarget = Secrets.mask(target);
        Map<String, String> masked = new LinkedHashMap<>();
        options.forEach((k, v) -> masked.put(k, Secrets.mask(v)));
        Job job;
        synchronized (jobs) {
            for (Job other : jobs.values()) {
                if (other.target().equals(maskedTarget) && !other.state().finished()) {
                    throw new JobConflictException(maskedTarget, other.id());
                }
            }
            job = new Job(UUID.randomUUID().toString(), kind, maskedTarget, masked, clock.instant().toString());
            jobs.put(job.id(), job);
        }
        executor.execute(() -> run(job, work));
        return job.snapshot();
    }

    public Optional<JobSnapshot> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(Job::snapshot);
        }
    }

    /** Every job, oldest first. */
    public List<JobSnapshot> list() {
        synchronized (jobs) {
            return new ArrayList<>(jobs.values()).stream().map(Job::snapshot).toList();
        }
    }

    /** Asks the job to stop at its next check (a queued job never starts); empty if there is no such job. */
    public Optional<JobSnapshot> cancel(String id) {
        Job job;
        synchronized (jobs) {
            job = jobs.get(id);
        }
        if (job == null) {
            return Optional.empty();
        }
        job.requestCancel();
        return Optional.of(job.snapshot());
    }

    private void run(Job job, JobWork work) {
        if (job.cancelRequested()) {
            job.finish(JobState.CANCELLED, null, "cancelled before it started", now());
            return;
        }
        job.started();
        try {
            String report = work.run(job, job::cancelRequested);
            job.finish(JobState.SUCCEEDED, report, null, now());
        } catch (MigrationCancelledException e) {
            job.finish(JobState.CANCELLED, null, Secrets.mask(e.getMessage()), now());
        } catch (BadInputException e) {
            job.finish(JobState.FAILED, null, Secrets.mask(e.getMessage()), now());
        } catch (RuntimeException e) {
            job.finish(job.cancelRequested() ? JobState.CANCELLED : JobState.FAILED, null,
                    Secrets.mask(String.valueOf(e.getMessage())), now());
        }
    }

    private String now() {
        return clock.instant().toString();
    }
}
