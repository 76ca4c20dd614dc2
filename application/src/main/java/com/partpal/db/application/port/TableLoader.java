package com.partpal.db.application.port;

/**
 * Bulk-loads converted rows into one target table (COPY), in batches: each {@link #commit} makes the rows added since
 * the last one durable together with the table's checkpoint, so a replayed batch never duplicates rows.
 */
public interface TableLoader extends AutoCloseable {
    /** Values are the converted Java values in column order (see TargetType); rowid identifies the source row. */
    void add(long rowid, Object[] values);

    /**
     * The checkpoint this load starts from, as committed by an earlier load of the table (read on the loader's own
     * connection when it opened), or null when none committed: the table is then emptied first.
     */
    default TableCheckpoint resumedFrom() {
        return null;
    }

    /**
     * Flushes the rows added since the last commit and commits them in one transaction with {@code checkpoint} and
     * the rowids rejected since the last commit; loading goes on in a new transaction.
     */
    default void commit(TableCheckpoint checkpoint, long[] rejectedRowids) {
        throw new UnsupportedOperationException("this target loads in one transaction");
    }

    /** Flushes and commits; returns the rows written. */
    long finish();

    /** Abandons what was added since the last commit (rolled back). */
    @Override
    void close();
}
