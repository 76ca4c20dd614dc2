package com.partpal.db.adapters.sqlite;

import com.partpal.db.application.port.RowCursor;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.SourceRow;
import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.domain.verify.StoredColumn;
import com.partpal.db.domain.verify.StoredTable;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.SqliteLocation;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.schema.TableCensus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A SQLite database opened read-only. Opening checks the file (exists, is a file, has the SQLite header) and starts
 * PRAGMA quick_check on its own connection, which reads the whole file (about a second per 600 MB), so the schema,
 * census and rows are read meanwhile; {@link #requireIntact()} waits for it and refuses a corrupt file, and so does
 * every read that fails or reads by rowid or key order (verify); closing the source ends the check (see
 * {@link QuickCheck}).
 *
 * <p>Schema discovery, counts and census share one connection; each {@link #readRows} cursor gets its own read-only
 * connection, so several tables can be streamed in parallel. Once {@link #pinSnapshot} ran, those connections are a
 * fixed set that all read one state of the file while an application may go on writing to it.
 */
public final class SqliteSourceDatabase implements SourceDatabase, VerifiableDatabase {
    private static final int ROWIDS_PER_QUERY = 500;

    private final SqliteFile file;
    private final Connection connection;
    private final QuickCheck quickCheck;
    /** The schema verification looks tables up in (read once: the database is not written during a run). */
    private volatile SourceSchema verifiedSchema;
    /** Once pinned, every read sees this one state of the file (see {@link SqliteSnapshot}). */
    private volatile SqliteSnapshot snapshot;
    /** The pinned snapshot's fingerprint, once asked for. */
    private String fingerprint;

    private SqliteSourceDatabase(SqliteFile file, Connection connection, QuickCheck quickCheck) {
        this.file = file;
        this.connection = connection;
        this.quickCheck = quickCheck;
    }

    /** Opens the database and starts its check; every problem the user can fix is one BadInputException line. */
    public static SqliteSourceDatabase open(SqliteLocation location) {
        SqliteFile file = SqliteFile.check(location);
        Connection connection = file.openReadOnly();
        Connection checking;
        try {
            checking = file.openReadOnly();
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        return new SqliteSourceDatabase(file, connection, QuickCheck.start(file, checking));
    }

    /** Waits for PRAGMA quick_check and throws its refusal (the same one each time it is asked). */
    @Override
    public void requireIntact() {
        quickCheck.require();
    }

    /** A read that failed while the check ran: a corrupt file is reported as the check words it. */
    private RuntimeException checkedFailure(RuntimeException e) {
        requireIntact();
        return e;
    }

    @Override
    public String describe() {
        return file.describe();
    }

    @Override
    public SourceSchema readSchema() {
        synchronized (connection) {
            try {
                return new SqliteSchemaReader(connection).read();
            } catch (SQLException e) {
                throw checkedFailure(file.failure(e));
            } catch (RuntimeException e) {
                throw checkedFailure(e);
            }
        }
    }

    @Override
    public long countRows(Table table) {
        synchronized (connection) {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery(TableQuery.of(table).count())) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw file.failure(e);
            }
        }
    }

    @Override
    public TableCensus census(Table table, Set<String> dateTimeColumns) {
        synchronized (connection) {
            try {
                return SqliteCensusQuery.run(connection, table, dateTimeColumns);
            } catch (SQLException e) {
                throw checkedFailure(file.failure(e));
            }
        }
    }

    @Override
    public Instant pinSnapshot(int readers) {
        synchronized (connection) {
            if (snapshot == null) {
                try {
                    snapshot = SqliteSnapshot.pin(file, connection, readers);
                } catch (SQLException e) {
                    throw file.failure(e);
                }
            }
            return snapshot.takenAt();
        }
    }

    /** What the pinned state holds ({@link SqliteContentFingerprint}), computed once per snapshot. */
    @Override
    public String fingerprint() {
        synchronized (connection) {
            SqliteSnapshot pinned = snapshot;
            if (fingerprint == null || pinned == null) {
                try {
                    fingerprint = SqliteContentFingerprint.of(connection, file.path(),
                            pinned == null ? SqliteContentFingerprint.walState(file.path()) : pinned.walState());
                } catch (SQLException e) {
                    throw file.failure(e);
                }
            }
            return fingerprint;
        }
    }

    /** The same content; a checkpoint of the write-ahead log alone changes nothing. */
    @Override
    public boolean unchangedSince(String recorded) {
        return SqliteContentFingerprint.unchanged(recorded, fingerprint());
    }

    /** Streams without waiting for the check (migrate commits nothing before it); a failed read reports the check's refusal. */
    @Override
    public RowCursor readRows(Table table) {
        TableQuery query = TableQuery.of(table);
        return cursor(query.selectAll(), List.of(), query.numberedByPosition(), e -> checkedFailure(file.failure(e)));
    }

    @Override
    public RowCursor readRowsAfter(Table table, long afterRowid) {
        TableQuery query = TableQuery.of(table);
        if (query.numberedByPosition()) {
            return RowCursor.after(readRows(table), afterRowid);
        }
        return cursor(query.selectAfter(), List.of(afterRowid), false, e -> checkedFailure(file.failure(e)));
    }

    /** A cursor on a pinned connection when a snapshot is pinned, else on a new one. */
    private RowCursor cursor(String select, List<Object> parameters, boolean numberedByPosition,
                             java.util.function.Function<SQLException, RuntimeException> failure) {
        SqliteSnapshot pinned = snapshot;
        if (pinned == null) {
            return new SqliteRowCursor(file.openReadOnly(), select, parameters, numberedByPosition, failure,
                    SqliteSourceDatabase::closeQuietly);
        }
        return new SqliteRowCursor(pinned.take(), select, parameters, numberedByPosition, failure, pinned::release);
    }

    /** The rows in rowid order, each once; rowids that match no row are left out. */
    @Override
    public List<SourceRow> readRowsByRowid(Table table, Collection<Long> rowids) {
        requireIntact();
        TableQuery query = TableQuery.of(table);
        List<Long> wanted = new ArrayList<>(new TreeSet<>(rowids));
        return query.numberedByPosition() ? scanByPosition(table, Set.copyOf(wanted)) : selectByRowid(table, query, wanted);
    }

    private List<SourceRow> selectByRowid(Table table, TableQuery query, List<Long> wanted) {
        List<SourceRow> rows = new ArrayList<>();
        int width = table.columns().size();
        synchronized (connection) {
            for (int from = 0; from < wanted.size(); from += ROWIDS_PER_QUERY) {
                List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + ROWIDS_PER_QUERY));
                try (PreparedStatement st = connection.prepareStatement(query.selectByRowids(chunk.size()))) {
                    for (int i = 0; i < chunk.size(); i++) {
                        st.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            Object[] values = new Object[width];
                            for (int c = 0; c < width; c++) {
                                values[c] = SqliteCells.read(rs, c + 2);
                            }
                            rows.add(new SourceRow(rs.getLong(1), values));
                        }
                    }
                } catch (SQLException e) {
                    throw file.failure(e);
                }
            }
        }
        return rows;
    }

    /** WITHOUT ROWID rows are numbered by position, so the table is read once and the wanted positions kept. */
    private List<SourceRow> scanByPosition(Table table, Set<Long> wanted) {
        List<SourceRow> rows = new ArrayList<>();
        int width = table.columns().size();
        try (RowCursor cursor = readRows(table)) {
            while (rows.size() < wanted.size() && cursor.next()) {
                if (wanted.contains(cursor.rowid())) {
                    Object[] values = new Object[width];
                    for (int c = 0; c < width; c++) {
                        values[c] = cursor.get(c);
                    }
                    rows.add(new SourceRow(cursor.rowid(), values));
                }
            }
        }
        return rows;
    }

    /** Verification plans a SQLite database with migrate's rules, whichever side of the comparison it is on. */
    @Override
    public Optional<SourceDatabase> migrationSource() {
        return Optional.of(this);
    }

    @Override
    public List<StoredTable> storedTables() {
        return readSchema().tables().stream()
                .map(t -> new StoredTable(t.name(),
                        t.columns().stream().map(c -> new StoredColumn(c.name(), c.declaredType(), c.notNull())).toList(),
                        t.primaryKey(), t.indexes(), t.foreignKeys(), null))
                .toList();
    }

    @Override
    public long countRows(String table) {
        return countRows(table(table));
    }

    @Override
    public RowCursor readOrdered(String table, List<String> columns, List<String> orderBy) {
        requireIntact();
        TableQuery query = TableQuery.of(table(table));
        return cursor(query.selectOrdered(columns, orderBy), List.of(), query.numberedByPosition(), file::failure);
    }

    private Table table(String name) {
        SourceSchema schema = verifiedSchema;
        if (schema == null) {
            schema = readSchema();
            verifiedSchema = schema;
        }
        return schema.table(name).orElseThrow(() -> new BadInputException("no table " + name + " in " + describe()));
    }

    @Override
    public void close() {
        quickCheck.close();
        SqliteSnapshot pinned = snapshot;
        if (pinned != null) {
            pinned.close();
        }
        closeQuietly(connection);
        file.close();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was written, so nothing is lost
        }
    }

    @Override
    public String toString() {
        return "SQLite " + describe();
    }
}
