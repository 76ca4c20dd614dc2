package com.partpal.db.application.port;

import com.partpal.db.domain.verify.StoredTable;

import java.util.List;
import java.util.Optional;

/**
 * A database verify reads, either side of a comparison. Opened read-only in spirit: nothing is ever written.
 *
 * <p>A SQLite database presents itself as a migration source: its tables are planned, and its raw cells converted,
 * with migrate's rules, so it compares as migrate would have written it. A typed database (PostgreSQL) gives its
 * tables as stored and its cells as the Java values of {@link com.partpal.db.domain.types.TargetType} (json and
 * jsonb as their text).
 */
public interface VerifiableDatabase extends AutoCloseable {
    /** The location with any password masked. */
    String describe();

    /** Present for a SQLite database: plan its tables and convert its cells with migrate's rules. */
    Optional<SourceDatabase> migrationSource();

    /** The tables as stored (for SQLite: declared types, no sequence values). */
    List<StoredTable> storedTables();

    long countRows(String table);

    /**
     * Streams the named columns of every row, ascending by {@code orderBy} (NULLs first; text by code point, i.e.
     * by UTF-8 bytes). {@link RowCursor#rowid()} is SQLite's rowid, or 0 where there is none.
     */
    RowCursor readOrdered(String table, List<String> columns, List<String> orderBy);

    @Override
    void close();
}
