package com.partpal.db.application.port;

/** A forward-only stream of raw source rows; memory use does not grow with the table. */
public interface RowCursor extends AutoCloseable {
    boolean next();

    /** The row's rowid (for a WITHOUT ROWID table: its 1-based position in primary key order). */
    long rowid();

    /** The raw cell: null, Long, Double, String, byte[] or RawText. */
    Object get(int columnIndex);

    @Override
    void close();
}
