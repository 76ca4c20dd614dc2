package com.partpal.db.application.port;

/** Bulk-loads converted rows into one target table (COPY). */
public interface TableLoader extends AutoCloseable {
    /** Values are the converted Java values in column order (see TargetType); rowid identifies the source row. */
    void add(long rowid, Object[] values);

    /** Flushes and commits; returns the rows written. */
    long finish();

    /** Abandons the load when {@link #finish()} was not called. */
    @Override
    void close();
}
