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
 */
public record TableVerification(String table, long sourceRows, long targetRows, long expectedMissing,
                                String sourceChecksum, String targetChecksum, String method, long missingInTarget,
                                long unexpectedInTarget, long changed, List<RowDifference> differences,
                                boolean truncated) {
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
        return m;
    }
}
