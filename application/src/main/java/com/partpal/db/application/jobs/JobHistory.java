package com.partpal.db.application.jobs;

import java.util.List;

/** Where jobs are kept across server restarts: every state change of a job is saved (masked, as its snapshot). */
public interface JobHistory {
    /** Replaces the stored record of {@code job.id()}. */
    void save(JobSnapshot job);

    /** Forgets the stored record of a job (retention); nothing when there is none. */
    default void delete(String id) {
    }

    /** Every stored job, in any order. */
    List<JobSnapshot> load();

    /** Keeps nothing: jobs live in memory only. */
    JobHistory NONE = new JobHistory() {
        @Override
        public void save(JobSnapshot job) {
        }

        @Override
        public List<JobSnapshot> load() {
            return List.of();
        }
    };
}
