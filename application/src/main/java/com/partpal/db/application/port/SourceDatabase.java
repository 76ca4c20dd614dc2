package com.partpal.db.application.port;

import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.schema.TableCensus;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** A database to migrate from, opened read-only: it is never modified. */
public interface SourceDatabase extends AutoCloseable {
    /** The location with any password masked. */
    String describe();

    SourceSchema readSchema();

    long countRows(Table table);

    /** typeof() counts per column; datetime shape counts for the named date/time columns. */
    TableCensus census(Table table, Set<String> dateTimeColumns);

    /**
     * Waits for the source's own integrity check, if it runs one beside the other reads, and throws its refusal
     * (a one-line BadInputException); call it before committing anything written anywhere. Rows may be streamed
     * with {@link #readRows} while it runs: a read that fails on the damage reports this same refusal.
     */
    default void requireIntact() {
    }

    /** Streams every row, in rowid (or primary key) order. */
    RowCursor readRows(Table table);

    /** The rows {@link #readRows} gives after the one numbered {@code afterRowid} (a resumed load), in the same order. */
    default RowCursor readRowsAfter(Table table, long afterRowid) {
        return RowCursor.after(readRows(table), afterRowid);
    }

    /**
     * Makes every read from now on (up to {@code readers} at once) see one and the same state of the source, even
     * while an application writes to it, and returns when that state was taken; null when it cannot be pinned.
     */
    default Instant pinSnapshot(int readers) {
        return null;
    }

    /**
     * A fingerprint of what the source holds in its pinned state (schema, rows): a resumed run refuses a source that
     * is not {@link #unchangedSince} the fingerprint the interrupted run recorded.
     */
    default String fingerprint() {
        return "";
    }

    /** Whether the source still holds what {@code recorded} (an earlier {@link #fingerprint()}) described. */
    default boolean unchangedSince(String recorded) {
        return recorded.equals(fingerprint());
    }

    /** The rows with these rowids (as {@link RowCursor#rowid()} numbers them). */
    List<SourceRow> readRowsByRowid(Table table, Collection<Long> rowids);

    @Override
    void close();
}
