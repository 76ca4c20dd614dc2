package com.partpal.db.adapters.http;

import com.partpal.db.application.jobs.JobSnapshot;
import com.partpal.db.application.jobs.MigrationJobs;
import com.partpal.db.application.jobs.TableProgress;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of migration jobs as three counters that only go up: read (every row loaded so far, running tables too),
 * copied (rows of finished jobs' fully loaded tables that reached the target) and rejected (those that went to the
 * rejects file; counted once the job ended, when the orphan checks have rejected their rows too). Each job's highest figures are kept, so a job dropped from the list by retention still counts.
 */
final class RowCounters {
    private record Rows(long read, long copied, long rejected) {
        Rows max(Rows other) {
            return new Rows(Math.max(read, other.read), Math.max(copied, other.copied),
                    Math.max(rejected, other.rejected));
        }
    }

    private final Map<String, Rows> byJob = new HashMap<>();
    private Rows total = new Rows(0, 0, 0);

    synchronized void update(List<JobSnapshot> jobs) {
        for (JobSnapshot job : jobs) {
            if (!MigrationJobs.KIND.equals(job.kind())) {
                continue;
            }
            long read = 0;
            long copied = 0;
            long rejected = 0;
            for (TableProgress table : job.tables()) {
                read += table.rowsDone();
                if (job.state().finished() && table.finished()) { // final only once the job ended (orphans come late)
                    copied += table.rowsDone() - table.rejectedRows();
                    rejected += table.rejectedRows();
                }
            }
            Rows seen = new Rows(read, copied, rejected);
            byJob.merge(job.id(), seen, Rows::max);
        }
        Rows sum = new Rows(0, 0, 0);
        for (Rows rows : byJob.values()) {
            sum = new Rows(sum.read + rows.read, sum.copied + rows.copied, sum.rejected + rows.rejected);
        }
        total = sum;
    }

    synchronized double read() {
        return total.read;
    }

    synchronized double copied() {
        return total.copied;
    }

    synchronized double rejected() {
        return total.rejected;
    }
}
