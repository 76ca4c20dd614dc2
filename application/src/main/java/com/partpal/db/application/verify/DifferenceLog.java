package com.partpal.db.application.verify;

import com.partpal.db.domain.verify.CellDifference;
import com.partpal.db.domain.verify.RowDifference;
import com.partpal.db.domain.verify.RowDifference.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts every difference of one table and keeps the first maxDiffs of them (and of the expected-missing rows). */
final class DifferenceLog {
    private final List<String> columns;
    private final int[] keyPositions;
    private final int maxDiffs;
    private final List<RowDifference> kept = new ArrayList<>();
    private int keptExpected;
    private int keptDifferences;
    private boolean truncated;
    long missing;
    long unexpected;
    long changed;
    long expectedMissing;
    /** Missing rows whose rowid is above {@link #snapshotHighestRowid}: the app wrote them after the snapshot. */
    long insertedAfterSnapshot;
    /** The highest rowid of the snapshot a migrate run copied (verify --since-snapshot), or null. */
    Long snapshotHighestRowid;

    DifferenceLog(List<String> columns, int[] keyPositions, int maxDiffs) {
        this.columns = columns;
        this.keyPositions = keyPositions;
        this.maxDiffs = maxDiffs;
    }

    void expectedMissing(CanonicalRow row, String reason) {
        expectedMissing++;
        if (keptExpected < maxDiffs) {
            keptExpected++;
            kept.add(new RowDifference(Kind.REJECTED_AS_EXPECTED, key(row), List.of(), rowMap(row), reason));
        }
    }

    void missing(CanonicalRow row) {
        missing++;
        String note = row.rejection() == null ? null : "migrate's rules reject this row (" + row.rejection() + ")";
        if (snapshotHighestRowid != null && row.rowid() > snapshotHighestRowid) {
            insertedAfterSnapshot++;
            note = "inserted after the snapshot (rowid " + row.rowid() + "; the highest at the snapshot was "
                    + snapshotHighestRowid + ")" + (note == null ? "" : "; " + note);
        }
        keep(new RowDifference(Kind.MISSING_IN_TARGET, key(row), List.of(), rowMap(row), note));
    }

    void unexpected(CanonicalRow row) {
        unexpected++;
        keep(new RowDifference(Kind.UNEXPECTED_IN_TARGET, key(row), List.of(), rowMap(row), null));
    }

    /** Compares two rows with the same key; true when they differ. */
    boolean compare(CanonicalRow source, CanonicalRow target) {
        List<CellDifference> cells = null;
        Object[] s = source.values();
        Object[] t = target.values();
        for (int i = 0; i < s.length; i++) {
            if (!com.partpal.db.domain.verify.CanonicalValue.equal(s[i], t[i])) {
                if (cells == null) {
                    cells = new ArrayList<>();
                }
                cells.add(new CellDifference(columns.get(i), s[i], t[i]));
            }
        }
        if (cells == null) {
            return false;
        }
        changed++;
        keep(new RowDifference(Kind.CHANGED, key(source), cells, null, null));
        return true;
    }

    private void keep(RowDifference difference) {
        if (keptDifferences < maxDiffs) {
            keptDifferences++;
            kept.add(difference);
        } else {
            truncated = true;
        }
    }

    List<RowDifference> kept() {
        return kept;
    }

    boolean truncated() {
        return truncated || expectedMissing > keptExpected;
    }

    private Map<String, Object> key(CanonicalRow row) {
        Map<String, Object> key = new LinkedHashMap<>();
        if (keyPositions.length == 0) {
            if (row.rowid() > 0) {
                key.put("rowid", row.rowid());
            }
            return key;
        }
        for (int p : keyPositions) {
            key.put(columns.get(p), row.values()[p]);
        }
        return key;
    }

    private Map<String, Object> rowMap(CanonicalRow row) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i), row.values()[i]);
        }
        return map;
    }
}
