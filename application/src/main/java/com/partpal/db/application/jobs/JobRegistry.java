package com.partpal.db.application.jobs;

import com.partpal.db.application.migrate.MigrationCancelledException;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.Secrets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Runs use cases as jobs on an executor and keeps them for the front ends to list, follow and cancel. Two jobs that
 * write the same target never run at once: the second is refused with the running one's id. Every state change is
 * saved to the {@link JobHistory}; at construction the history's jobs are listed again, those the last server left
 * queued or running as INTERRUPTED (never restarted).
 */
public final class JobRegistry {
    private final Executor executor;
    private final Clock clock;
    private final JobHistory history;
    private final Map<String, JobSnapshot> past = new LinkedHashMap<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public JobRegistry(Executor executor, Clock clock) {
        this(executor, clock, JobHistory.NONE);
    }

    public JobRegistry(Executor executor, Clock clock, JobHistory history) {
        this.executor = executor;
        this.clock = clock;
        this.history = history;
        List<JobSnapshot> stored = new ArrayList<>(history.load());
        stored.sort(Comparator.comparing(JobSnapshot::submittedAt));
        for (JobSnapshot job : stored) {
            JobSnapshot shown = job.state().finished() ? job : job.interrupted(clock.instant().toString());
            if (shown != job) {
                history.save(shown);
            }
            past.put(shown.id(), shown);
        }
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
            job = new Job(UUID.randomUUID().toString(), kind, maskedTarget, masked, clock, history);
            jobs.put(job.id(), job);
        }
        executor.execute(() -> run(job, work));
        return job.snapshot();
    }

    public Optional<JobSnapshot> find(String id) {
        synchronized (jobs) {
            Job job = jobs.get(id);
            return job != null ? Optional.of(job.snapshot()) : Optional.ofNullable(past.get(id));
        }
    }

    /** Every job, oldest first: those of earlier server runs, then this run's. */
    public List<JobSnapshot> list() {
        synchronized (jobs) {
            List<JobSnapshot> all = new ArrayList<>(past.values());
            jobs.values().forEach(job -> all.add(job.snapshot()));
            return all;
        }
    }

    /**
     * Asks the job to stop at its next check (a queued job never starts); empty if there is no such job.
     *
     * @throws JobFinishedException when the job has already finished
     */
    public Optional<JobSnapshot> cancel(String id) {
        Job job;
        synchronized (jobs) {
            job = jobs.get(id);
            if (job == null) {
                JobSnapshot earlier = past.get(id);
                if (earlier != null) {
                    throw new JobFinishedException(earlier);
                }
                return Optional.empty();
            }
        }
        job.requestCancel();
        return Optional.of(job.snapshot());
    }

    /**
     * The server stops: every unfinished job ends INTERRUPTED (saved so) and is asked to stop at its next check,
     * leaving its target as a cancel would. Jobs submitted later still run.
     */
    public void shutdown() {
        List<Job> all;
        synchronized (jobs) {
            all = new ArrayList<>(jobs.values());
        }
        all.forEach(Job::interrupt);
    }

    private void run(Job job, JobWork work) {
        if (!job.start()) {
            job.finish(JobState.CANCELLED, null, "cancelled before it started; its target was not touched");
            return;
        }
        try {
            String report = work.run(job, job::cancelRequested);
            job.finish(JobState.SUCCEEDED, report, null);
        } catch (MigrationCancelledException | JobCancelledException e) {
            job.finish(JobState.CANCELLED, null, Secrets.mask(e.getMessage()));
        } catch (BadInputException e) {
            job.finish(JobState.FAILED, null, Secrets.mask(e.getMessage()));
        } catch (RuntimeException e) {
            job.finish(job.cancelRequested() ? JobState.CANCELLED : JobState.FAILED, null,
                    Secrets.mask(String.valueOf(e.getMessage())));
        }
    }
}
