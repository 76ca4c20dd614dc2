package com.partpal.db.adapters.cli.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Delays measured by one of the bench's meters, in microseconds, from any thread. */
final class Delays {
    private final List<Long> micros = Collections.synchronizedList(new ArrayList<>());

    void add(long nanos) {
        micros.add(Math.max(0, nanos) / 1000);
    }

    /** The delays so far, sorted, in microseconds. */
    List<Long> sortedMicros() {
        List<Long> all = new ArrayList<>(micros);
        Collections.sort(all);
        return all;
    }
}
