package com.partpal.db.domain.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data comparison of one table.
 *
 * @param expectedMissing source rows listed in the rejects file (not expected in the target)
 * @param sourceChecksum  sum of the row hashes of the source rows expected in the target (see {@link RowHash})
 * @param method          how rows were matched: "primary key merge", "multiset" (no key), or "counts" (skipped)
 * @param differences     the first differences (at most --max-diffs per table), expected-missing rows included
 * @param sourceMaxRowid  the highest rowid of the source's rows read, or null
 * @param sinceSnapshot   compared with a migrate run's snapshot (verify --since-snapshot), or null
 */
public record TableVerification(String table, long sourceRows, long targetRows, long expectedMissing,
                                String sourceChecksum, String targetChecksum, String method, long missingInTarget,
                                long unexpectedInTarget, long changed, List<RowDifference> differences,
                                boolean truncated, Long sourceMaxRowid, SinceSnapshot sinceSnapshot) {
    /**
     * This table against a migrate run's snapshot of it.
     *
     * @param inSnapshot    whether the snapshot's report has the table at all
     * @param unchanged     the source's rows are those of the snapshot (same checksum): every difference is the copy's
     * @param insertedAfter rows missing from the target whose rowid is above the snapshot's highest: written after it
     */
    public record SinceSnapshot(boolean inSnapshot, boolean unchanged, long insertedAfter) {
        /** Differences the snapshot does not explain: all of an unchanged table's, else all but the later inserts. */
        public long unexplained(TableVerification t) {
            long all = t.missingInTarget() + t.unexpectedInTarget() + t.changed();
            return unchanged || !inSnapshot ? all : all - insertedAfter;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("inSnapshot", inSnapshot);
            m.put("unchanged", unchanged);
            m.put("insertedAfter", insertedAfter);
            return m;
        }
    }

    public TableVerification {
        differences = List.copyOf(differences);
    }

    public boolean identical() {
        return missingInTarget == 0 && unexpectedInTarget == 0 && changed == 0;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", table);
        m.put("identical", identical());
        m.put("sourceRows", sourceRows);
        m.put("targetRows", targetRows);
        m.put("expectedMissing", expectedMissing);
        m.put("sourceChecksum", sourceChecksum);
        m.put("targetChecksum", targetChecksum);
        m.put("method", method);
        m.put("missingInTarget", missingInTarget);
        m.put("unexpectedInTarget", unexpectedInTarget);
        m.put("changed", changed);
        m.put("differences", differences.stream().map(RowDifference::toMap).toList());
        m.put("differencesTruncated", truncated);
        m.put("sourceMaxRowid", sourceMaxRowid);
        if (sinceSnapshot != null) {
            m.put("sinceSnapshot", sinceSnapshot.toMap());
        }
        return m;
    }
}
