package com.partpal.db.application.jobs;

import com.partpal.db.application.migrate.MigrationCancelledException;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.Secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final JobRetention retention;
    private final TargetIdentity identities;
    private boolean stopping;
    private final Map<String, JobSnapshot> past = new LinkedHashMap<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public JobRegistry(Executor executor, Clock clock) {
        this(executor, clock, JobHistory.NONE);
    }

    public JobRegistry(Executor executor, Clock clock, JobHistory history) {
        this(executor, clock, history, JobRetention.DEFAULT);
    }

    public JobRegistry(Executor executor, Clock clock, JobHistory history, JobRetention retention) {
        this(executor, clock, history, retention, TargetIdentity.LEXICAL);
    }

    /** {@code identities} decides which targets are one (it may resolve host names: submit off the event loop). */
    public JobRegistry(Executor executor, Clock clock, JobHistory history, JobRetention retention,
                       TargetIdentity identities) {
        this.identities = identities;
        this.executor = executor;
        this.clock = clock;
        this.history = history;
        this.retention = retention;
        List<JobSnapshot> stored = new ArrayList<>(history.load());
        stored.sort(Comparator.comparing(JobSnapshot::submittedAt));
        for (JobSnapshot job : stored) {
            JobSnapshot shown = job.state().finished() ? job : job.interrupted(clock.instant().toString());
            if (shown != job) {
                history.save(shown);
            }
            past.put(shown.id(), shown);
        }
        applyRetention();
    }

    /**
     * Queues {@code work}; {@code target} (masked here) names what it writes, {@code options} are stored masked.
     *
     * @throws JobConflictException when an unfinished job writes the same target
     */
    public JobSnapshot submit(String kind, String target, Map<String, String> options, JobWork work) {
        return submit(kind, JobTarget.named(Secrets.mask(target)), options, work);
    }

    /**
     * Queues {@code work}; it conflicts with every unfinished job whose target has the same identity.
     *
     * @throws JobConflictException when an unfinished job writes the same target
     */
    public JobSnapshot submit(String kind, JobTarget target, Map<String, String> options, JobWork work) {
        return submit(kind, target.shown(), identities.of(target), options, work);
    }

    /**
     * Queues {@code work} on {@code target} inside {@code scope} (one database's backups in a catalogue): it conflicts
     * only with unfinished jobs on the same target in the same scope, each compared by identity.
     *
     * @throws JobConflictException when an unfinished job works on the same target in the same scope
     */
    public JobSnapshot submitWithin(String kind, JobTarget scope, JobTarget target, Map<String, String> options,
                                    JobWork work) {
        return submit(kind, scope.shown() + ", " + target.shown(),
                identities.of(scope) + " / " + identities.of(target), options, work);
    }

    private JobSnapshot submit(String kind, String shown, String identity, Map<String, String> options, JobWork work) {
        String maskedTarget = Secrets.mask(shown);
        Map<String, String> masked = new LinkedHashMap<>();
        options.forEach((k, v) -> masked.put(k, Secrets.mask(v)));
        Job job;
        synchronized (jobs) {
            if (stopping) {
                throw new ServerStoppingException();
            }
            for (Job other : jobs.values()) {
                if (other.identity().equals(identity) && !other.state().finished()) {
                    throw new JobConflictException(maskedTarget, other.id());
                }
            }
            job = new Job(UUID.randomUUID().toString(), kind, maskedTarget, identity, masked, clock, history);
            jobs.put(job.id(), job);
            applyRetention();
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
     * The server stops: no new job is taken ({@link ServerStoppingException}), every unfinished job is asked to stop at
     * its next check and given until {@code grace} has passed to get there (it then ends INTERRUPTED, its error saying
     * what its target holds, as a cancel's does); any still running after that ends INTERRUPTED at once, its work
     * still asked to stop.
     */
    public void stop(Duration grace) {
        List<Job> all;
        synchronized (jobs) {
            stopping = true;
            all = new ArrayList<>(jobs.values());
        }
        all.forEach(Job::requestStop);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Job job : all) {
            job.awaitFinished(deadline);
        }
        all.forEach(Job::interrupt);
    }

    /** The server stops now: {@link #stop(Duration)} without waiting. */
    public void shutdown() {
        stop(Duration.ZERO);
    }

    /**
     * Forgets the finished jobs beyond the retention: those that finished longer ago than its age, then the oldest
     * beyond its count. Their history records are deleted.
     */
    private void applyRetention() {
        synchronized (jobs) {
            Instant oldest = clock.instant().minus(retention.maxAge());
            List<JobSnapshot> finished = new ArrayList<>(past.values());
            jobs.values().stream().map(Job::snapshot).filter(j -> j.state().finished()).forEach(finished::add);
            finished.sort(Comparator.comparing(JobRegistry::finishedAt));
            int over = finished.size() - retention.maxFinished();
            for (JobSnapshot job : finished) {
                if (over > 0 || finishedAt(job).isBefore(oldest)) {
                    past.remove(job.id());
                    jobs.remove(job.id());
                    history.delete(job.id());
                    over--;
                }
            }
        }
    }

    private static Instant finishedAt(JobSnapshot job) {
        return Instant.parse(job.finishedAt() != null ? job.finishedAt() : job.submittedAt());
    }

    private void run(Job job, JobWork work) {
        if (!job.start()) {
            job.finish(job.stopRequested() ? JobState.INTERRUPTED : JobState.CANCELLED, null,
                    (job.stopRequested() ? "the server stopped" : "cancelled") + " before it started; its target was not touched");
            return;
        }
        try {
            String report = work.run(job, job::cancelRequested);
            job.finish(JobState.SUCCEEDED, report, null);
        } catch (JobFailedWithReportException e) {
            job.finish(JobState.FAILED, e.reportJson(), Secrets.mask(e.getMessage()));
        } catch (MigrationCancelledException | JobCancelledException e) {
            if (job.stopRequested()) {
                job.finish(JobState.INTERRUPTED, null, "the server stopped while it ran; " + Secrets.mask(e.getMessage()));
            } else {
                job.finish(JobState.CANCELLED, null, Secrets.mask(e.getMessage()));
            }
        } catch (BadInputException e) {
            job.finish(JobState.FAILED, null, Secrets.mask(e.getMessage()));
        } catch (RuntimeException e) {
            job.finish(job.cancelRequested() ? JobState.CANCELLED : JobState.FAILED, null,
                    Secrets.mask(String.valueOf(e.getMessage())));
        } catch (Error e) { // out of memory, a stack overflow...: the job still ends, never stays "running"
            job.finish(JobState.FAILED, null, "the job stopped on an internal error: " + Secrets.mask(e.toString()));
            throw e;
        }
    }
}
