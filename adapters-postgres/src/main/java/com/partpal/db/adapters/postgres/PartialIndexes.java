package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.plan.PlanNote;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.schema.Index;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Partial indexes whose WHERE clause (SQLite's, requoted like CHECK constraints) PostgreSQL may refuse: before a
 * table's indexes are built, each one is built on an empty copy of the table (CREATE TEMP TABLE ... LIKE) in a
 * transaction that is rolled back; one PostgreSQL refuses there (unknown function, wrong types, a function that is
 * not IMMUTABLE) is not built and becomes a note for the report, so that the build after the load never fails on it.
 */
final class PartialIndexes {
    private static final String TRIAL_TABLE = "_partpal_partial_index_trial";

    private final DataSource pool;
    private final PostgresDdl ddl;
    private final String password;
    /** "target table.index" -> the WHERE clause and why PostgreSQL refused it. */
    private final Map<String, String[]> refused = new ConcurrentHashMap<>();

    PartialIndexes(DataSource pool, PostgresDdl ddl, String password) {
        this.pool = pool;
        this.ddl = ddl;
        this.password = password;
    }

    /** The names of the table's unique partial indexes PostgreSQL refuses, tried now (remembered for the report). */
    Set<String> refusedOn(TargetTable table) {
        table.indexes().stream().filter(Index::unique).forEach(index -> accepted(table, index));
        return refusedNames(table);
    }

    /** Whether PostgreSQL builds the index (true for one without WHERE); a refusal is remembered for the report. */
    boolean accepted(TargetTable table, Index index) {
        String error = index.predicate() == null ? null : trial(table, index);
        if (error != null) {
            refuse(table, index, error);
        }
        return error == null;
    }

    /** Records that the index was not built (its build failed on the loaded rows). */
    void refuse(TargetTable table, Index index, String error) {
        refused.put(table.name() + "." + index.name(), new String[] {index.predicate(), error});
    }

    boolean isRefused(TargetTable table, Index index) {
        return refused.containsKey(table.name() + "." + index.name());
    }

    private Set<String> refusedNames(TargetTable table) {
        return table.indexes().stream().filter(index -> isRefused(table, index)).map(Index::name)
                .collect(Collectors.toSet());
    }

    /** One "not created" note per refused partial index, with PostgreSQL's reason. */
    List<PlanNote> notes() {
        List<PlanNote> notes = new ArrayList<>();
        refused.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> notes.add(new PlanNote(
                "partial index", e.getKey() + " WHERE " + e.getValue()[0], "not created",
                "PostgreSQL: " + e.getValue()[1])));
        return notes;
    }

    /** Null when PostgreSQL builds the index on an empty copy of the table, else its first error line. */
    private String trial(TargetTable table, Index index) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL search_path TO " + Sql.identifier(ddl.schema()) + ", public");
                statement.execute("CREATE TEMP TABLE " + Sql.identifier(TRIAL_TABLE) + " (LIKE " + ddl.table(table)
                        + ") ON COMMIT DROP");
                statement.execute("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX ON pg_temp."
                        + Sql.identifier(TRIAL_TABLE) + " (" + Sql.identifiers(index.columns()) + ") WHERE "
                        + index.predicate());
                return null;
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                    throw e; // the connection, not the index: the run fails (or retries) as for any lost connection
                }
                return TriedObjects.firstLine(e);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw PostgresException.of("trying the partial index " + index.name() + " of " + table.name(), e, password);
        }
    }
}
