package com.partpal.db.domain.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares the per-table row counts a manifest recorded with the counts found after a restore. */
public final class RowCounts {
    private RowCounts() {
    }

    /** One line per table whose count differs or that is only on one side; empty when they agree. */
    public static List<String> differences(Map<String, Long> expected, Map<String, Long> actual) {
        TreeSet<String> tables = new TreeSet<>(expected.keySet());
        tables.addAll(actual.keySet());
        List<String> out = new ArrayList<>();
        for (String table : tables) {
            Long want = expected.get(table);
            Long got = actual.get(table);
            if (want == null) {
                out.add(table + ": not in the backup's manifest (" + got + " rows)");
            } else if (got == null) {
                out.add(table + ": missing after restore (expected " + want + " rows)");
            } else if (!want.equals(got)) {
                out.add(table + ": expected " + want + " rows, found " + got);
            }
        }
        return out;
    }
}
