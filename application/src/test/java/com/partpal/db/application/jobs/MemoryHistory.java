package com.partpal.db.application.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A job history in memory that also keeps every save, in order. */
final class MemoryHistory implements JobHistory {
    final Map<String, JobSnapshot> stored = new LinkedHashMap<>();
    final List<JobSnapshot> saves = new ArrayList<>();

    @Override
    public synchronized void save(JobSnapshot job) {
        stored.put(job.id(), job);
        saves.add(job);
    }

    @Override
    public synchronized void delete(String id) {
        stored.remove(id);
    }

    @Override
    public synchronized List<JobSnapshot> load() {
        return new ArrayList<>(stored.values());
    }
}
