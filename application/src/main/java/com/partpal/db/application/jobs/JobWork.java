package com.partpal.db.application.jobs;

import com.partpal.db.application.port.ProgressListener;

import java.util.function.BooleanSupplier;

/** What a job does: reports progress, stops cleanly once {@code cancelled} is true, returns its report as JSON. */
@FunctionalInterface
public interface JobWork {
    String run(ProgressListener progress, BooleanSupplier cancelled);
}
