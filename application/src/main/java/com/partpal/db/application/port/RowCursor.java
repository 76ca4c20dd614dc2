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

    /** The rows of {@code all} numbered after {@code afterRowid} (rows come in increasing rowid order). */
    static RowCursor after(RowCursor all, long afterRowid) {
        return new RowCursor() {
            @Override
            public boolean next() {
                while (all.next()) {
                    if (all.rowid() > afterRowid) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public long rowid() {
                return all.rowid();
            }

            @Override
            public Object get(int columnIndex) {
                return all.get(columnIndex);
            }

            @Override
            public void close() {
                all.close();
            }
        };
    }
}
