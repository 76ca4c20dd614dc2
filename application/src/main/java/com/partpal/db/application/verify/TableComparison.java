package com.partpal.db.application.verify;

import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.domain.verify.CanonicalValue;
import com.partpal.db.domain.verify.ExpectedRejects;
import com.partpal.db.domain.verify.RowHash;
import com.partpal.db.domain.verify.SnapshotBaseline;
import com.partpal.db.domain.verify.TableVerification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Compares one table's rows. With a primary key, both sides are streamed in key order and merged in one pass,
 * hashing every row into the checksums on the way, so a table is read once whether or not it differs. When a side's
 * engine orders keys differently from the canonical order (mixed storage classes in a SQLite key, say), the merge
 * notices and falls back to sorting that table's rows in memory. Without a primary key, rows compare as multisets:
 * one pass counts row hashes, and only when the counts differ a second pass names the surplus rows.
 */
final class TableComparison {
    static final String MERGE = "primary key merge";
    static final String MERGE_IN_MEMORY = "primary key merge (sorted in memory)";
    static final String MULTISET = "multiset of rows (no primary key)";

    private final VerifiableDatabase sourceDb;
    private final VerifiableDatabase targetDb;
    private final SideTable source;
    private final SideTable target;
    private final List<String> columns;
    private final List<String> key;
    private final int[] keyPositions;
    private final ExpectedRejects rejects;
    private final int maxDiffs;
    private final BooleanSupplier cancelled;
    /** Largest value of the target's single integer key, for the sequence check; null when none. */
    Long maxTargetKey;
    /** This table in the snapshot of a migrate run to compare with (verify --since-snapshot), or null. */
    SnapshotBaseline.Table snapshot;
    /** Whether the snapshot's report was given at all (a table missing from it is then named so). */
    boolean sinceSnapshot;
    private long maxSourceRowid;

    TableComparison(VerifiableDatabase sourceDb, VerifiableDatabase targetDb, SideTable source, SideTable target,
                    List<String> columns, ExpectedRejects rejects, int maxDiffs, BooleanSupplier cancelled) {
        this.sourceDb = sourceDb;
        this.targetDb = targetDb;
        this.source = source;
        this.target = target;
        this.columns = columns;
        this.key = columns.containsAll(source.shape().primaryKey()) ? source.shape().primaryKey() : List.of();
        this.keyPositions = CanonicalRows.positions(columns, key);
        this.rejects = rejects;
        this.maxDiffs = maxDiffs;
        this.cancelled = cancelled;
    }

    TableVerification run() {
        long sourceRows = sourceDb.countRows(source.readName());
        long targetRows = targetDb.countRows(target.readName());
        if (key.isEmpty()) {
            return multiset(sourceRows, targetRows);
        }
        try {
            return merge(sourceRows, targetRows, streamed(sourceDb, source), streamed(targetDb, target),
                    MERGE);
        } catch (OutOfOrderException e) {
            return merge(sourceRows, targetRows, sorted(sourceDb, source), sorted(targetDb, target),
                    MERGE_IN_MEMORY);
        }
    }

    private TableVerification merge(long sourceRows, long targetRows, RowSource s, RowSource t, String method) {
        DifferenceLog log = newLog();
        RowHash sourceHash = new RowHash();
        RowHash targetHash = new RowHash();
        maxTargetKey = null;
        try (s; t) {
            CanonicalRow a = nextExpected(s, log, sourceHash);
            CanonicalRow b = nextTarget(t, targetHash);
            while (a != null || b != null) {
                int c = a == null ? 1 : b == null || a.rejection() != null ? -1 : compareKeys(a, b);
                if (c < 0) {
                    log.missing(a);
                    a = nextExpected(s, log, sourceHash);
                } else if (c > 0) {
                    log.unexpected(b);
                    b = nextTarget(t, targetHash);
                } else {
                    log.compare(a, b);
                    a = nextExpected(s, log, sourceHash);
                    b = nextTarget(t, targetHash);
                }
            }
        }
        return result(sourceRows, targetRows, log, sourceHash, targetHash, method);
    }

    private DifferenceLog newLog() {
        DifferenceLog log = new DifferenceLog(columns, keyPositions, maxDiffs);
        log.snapshotHighestRowid = snapshot == null ? null : snapshot.highestRowid();
        maxSourceRowid = 0;
        return log;
    }

    /** The next source row that should be in the target: rows the rejects file lists are logged and skipped. */
    private CanonicalRow nextExpected(RowSource s, DifferenceLog log, RowHash hash) {
        while (true) {
            CanonicalRow row = s.next();
            if (row == null) {
                return null;
            }
            maxSourceRowid = Math.max(maxSourceRowid, row.rowid());
            String reason = rejects.reason(source.readName(), rawKey(row));
            if (reason != null) {
                log.expectedMissing(row, reason);
                continue;
            }
            if (row.rejection() == null) {
                hash.add(row.values());
            }
            return row;
        }
    }

    private CanonicalRow nextTarget(RowSource t, RowHash hash) {
        CanonicalRow row = t.next();
        if (row != null) {
            hash.add(row.values());
            if (keyPositions.length == 1 && row.values()[keyPositions[0]] instanceof Long id
                    && (maxTargetKey == null || id > maxTargetKey)) {
                maxTargetKey = id;
            }
        }
        return row;
    }

    private Map<String, Object> rawKey(CanonicalRow row) {
        Map<String, Object> raw = new LinkedHashMap<>();
        if (key.isEmpty()) {
            raw.put("rowid", row.rowid());
        } else {
            for (int k = 0; k < key.size(); k++) {
                raw.put(source.read(key).get(k), row.rawKey()[k]);
            }
        }
        return raw;
    }

    private int compareKeys(CanonicalRow a, CanonicalRow b) {
        for (int p : keyPositions) {
            int c = CanonicalValue.compare(a.values()[p], b.values()[p]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private TableVerification multiset(long sourceRows, long targetRows) {
        DifferenceLog log = newLog();
        RowHash sourceHash = new RowHash();
        RowHash targetHash = new RowHash();
        Map<Hash, Long> surplus = new HashMap<>();
        List<CanonicalRow> rejectedByRules = new ArrayList<>();
        try (RowSource s = streamed(sourceDb, source)) {
            for (CanonicalRow row = nextExpected(s, log, sourceHash); row != null;
                 row = nextExpected(s, log, sourceHash)) {
                if (row.rejection() != null) {
                    rejectedByRules.add(row);
                } else {
                    surplus.merge(Hash.of(sourceHash.hash(row.values())), 1L, Long::sum);
                }
            }
        }
        try (RowSource t = streamed(targetDb, target)) {
            for (CanonicalRow row = t.next(); row != null; row = t.next()) {
                surplus.merge(Hash.of(targetHash.add(row.values())), -1L, Long::sum);
            }
        }
        rejectedByRules.forEach(log::missing);
        surplus.values().removeIf(n -> n == 0);
        if (!surplus.isEmpty()) {
            nameSurplus(surplus, log);
        }
        return result(sourceRows, targetRows, log, sourceHash, targetHash, MULTISET);
    }

    /** Second pass: the rows whose hash one side holds more often than the other. */
    private void nameSurplus(Map<Hash, Long> surplus, DifferenceLog log) {
        RowHash hasher = new RowHash();
        try (RowSource s = streamed(sourceDb, source)) {
            for (CanonicalRow row = s.next(); row != null; row = s.next()) {
                if (row.rejection() == null && rejects.reason(source.readName(), rawKey(row)) == null
                        && take(surplus, Hash.of(hasher.hash(row.values())), 1)) {
                    log.missing(row);
                }
            }
        }
        try (RowSource t = streamed(targetDb, target)) {
            for (CanonicalRow row = t.next(); row != null; row = t.next()) {
                if (take(surplus, Hash.of(hasher.hash(row.values())), -1)) {
                    log.unexpected(row);
                }
            }
        }
    }

    private static boolean take(Map<Hash, Long> surplus, Hash hash, long sign) {
        Long n = surplus.get(hash);
        if (n == null || Long.signum(n) != sign) {
            return false;
        }
        surplus.put(hash, n - sign);
        return true;
    }

    private TableVerification result(long sourceRows, long targetRows, DifferenceLog log, RowHash sourceHash,
                                     RowHash targetHash, String method) {
        TableVerification.SinceSnapshot since = !sinceSnapshot ? null : new TableVerification.SinceSnapshot(
                snapshot != null, snapshot != null && snapshot.checksum().equals(sourceHash.checksum()),
                log.insertedAfterSnapshot);
        return new TableVerification(source.name(), sourceRows, targetRows, log.expectedMissing,
                sourceHash.checksum(), targetHash.checksum(), method, log.missing, log.unexpected, log.changed,
                log.kept(), log.truncated(), maxSourceRowid > 0 ? maxSourceRowid : null, since);
    }

    private RowSource streamed(VerifiableDatabase db, SideTable table) {
        CanonicalRows rows = open(db, table);
        return new RowSource() {
            private CanonicalRow previous;

            @Override
            public CanonicalRow next() {
                CanonicalRow row = rows.next();
                if (row != null && !key.isEmpty() && row.rejection() == null) {
                    if (previous != null && compareKeys(previous, row) >= 0) {
                        throw new OutOfOrderException();
                    }
                    previous = row;
                }
                return row;
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    private RowSource sorted(VerifiableDatabase db, SideTable table) {
        List<CanonicalRow> all = new ArrayList<>();
        try (CanonicalRows rows = open(db, table)) {
            for (CanonicalRow row = rows.next(); row != null; row = rows.next()) {
                all.add(row);
            }
        }
        all.sort(Comparator.comparing(r -> r, this::compareKeys));
        Iterator<CanonicalRow> it = all.iterator();
        return new RowSource() {
            @Override
            public CanonicalRow next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {
            }
        };
    }

    private CanonicalRows open(VerifiableDatabase db, SideTable table) {
        return new CanonicalRows(db.readOrdered(table.readName(), table.read(columns), table.read(key)), table,
                CanonicalRows.positions(table.shape().columnNames(), columns), keyPositions, cancelled);
    }

    private interface RowSource extends AutoCloseable {
        CanonicalRow next();

        @Override
        void close();
    }

    private static final class OutOfOrderException extends RuntimeException {
        OutOfOrderException() {
            super(null, null, false, false);
        }
    }

    private record Hash(long high, long low) {
        static Hash of(long[] h) {
            return new Hash(h[0], h[1]);
        }
    }
}
