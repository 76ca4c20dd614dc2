package com.partpal.db.application.port;

import java.util.List;

/** Rows the target removed after loading them: keys that duplicate an earlier row's once converted, and orphans. */
public record RemovedRows(List<DuplicateKey> duplicates, List<Orphan> orphans) {
    public static final RemovedRows NONE = new RemovedRows(List.of(), List.of());

    public RemovedRows {
        duplicates = List.copyOf(duplicates);
        orphans = List.copyOf(orphans);
    }
}
