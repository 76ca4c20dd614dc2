package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.PlanNote;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.schema.SkippedObject;
import com.partpal.db.domain.types.ColumnType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQLite generated columns (the plan's tried "generated column" objects) recreated as PostgreSQL stored generated
 * columns. When a table is created, each expression is tried in a savepoint that is rolled back (in source order,
 * with the ones accepted before it); one PostgreSQL refuses leaves a plain column that is loaded with the copied
 * values. A recreated column cannot be written by COPY, so the copied values go into a helper column
 * ({@value #HELPER_PREFIX}n, n the column's position) beside it; after the load, PostgreSQL's computed values are
 * compared with them: equal in every row, the helper is dropped; different in some row, the column becomes a plain
 * one (DROP EXPRESSION) holding the source's values. Each outcome is a note for the report. What is generated is read
 * from the catalogue, so a resumed run knows it without the first run's memory.
 */
final class GeneratedColumns {
    static final String HELPER_PREFIX = "_partpal_generated_";

    private final PostgresDdl ddl;
    /** "target table.target column" -> why PostgreSQL refused its expression. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    /** "target table.target column" -> rows whose computed value differed from the source's (0: kept generated). */
    private final Map<String, Long> settled = new ConcurrentHashMap<>();

    GeneratedColumns(PostgresDdl ddl) {
        this.ddl = ddl;
    }

    /** Target column name -> its GENERATED ALWAYS AS (...) STORED clause, for the table's tried generated columns. */
    static Map<String, String> candidates(MigrationPlan plan, TargetTable table) {
        Map<String, String> candidates = new LinkedHashMap<>();
        for (int i = 0; i < table.columns().size(); i++) {
            SkippedObject object = object(plan, table, i);
            if (object != null && object.tried()) {
                candidates.put(table.columns().get(i).name(), object.targetSql());
            }
        }
        return candidates;
    }

    private static SkippedObject object(MigrationPlan plan, TargetTable table, int column) {
        String name = table.source().name() + "." + table.source().columns().get(column).name();
        return plan.skipped().stream().filter(s -> s.kind().equals("generated column") && s.name().equals(name))
                .findFirst().orElse(null);
    }

    static String helper(TargetTable table, String column) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(column)) {
                return HELPER_PREFIX + (i + 1);
            }
        }
        throw new IllegalArgumentException(column + " is not a column of " + table.name());
    }

    /**
     * The statements that create the table with every generated column PostgreSQL accepts, each tried first in a
     * savepoint of the connection's open transaction (the schema and collations already created in it).
     */
    List<String> createTable(Connection connection, MigrationPlan plan, TargetTable table, boolean withRowid)
            throws SQLException {
        Map<String, String> accepted = new LinkedHashMap<>();
        for (Map.Entry<String, String> candidate : candidates(plan, table).entrySet()) {
            Map<String, String> trial = new LinkedHashMap<>(accepted);
            trial.put(candidate.getKey(), candidate.getValue());
            String error = tryInSavepoint(connection, ddl.createTable(table, withRowid, trial));
            if (error == null) {
                accepted = trial;
            } else {
                refused.put(table.name() + "." + candidate.getKey(), error);
            }
        }
        return ddl.createTable(table, withRowid, accepted);
    }

    private static String tryInSavepoint(Connection connection, List<String> statements) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            return null;
        } catch (SQLException e) {
            return TriedObjects.firstLine(e);
        } finally {
            connection.rollback(savepoint);
        }
    }

    /** The table's stored generated columns as the catalogue has them now (empty for a table that does not exist). */
    Set<String> stored(Connection connection, String table) throws SQLException {
        return attributes(connection, table, "a.attgenerated = ?::\"char\"", "s");
    }

    /** The helper columns the table has now. */
    private Set<String> helpers(Connection connection, String table) throws SQLException {
        return attributes(connection, table, "starts_with(a.attname::text, ?)", HELPER_PREFIX);
    }

    /** The names of the table's live columns that meet the condition (with one parameter). */
    private Set<String> attributes(Connection connection, String table, String condition, String parameter)
            throws SQLException {
        return new LinkedHashSet<>(CatalogueStrings.of(connection, "SELECT a.attname FROM pg_attribute a"
                + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped AND "
                + condition + " ORDER BY a.attnum", ddl.schema(), table, parameter));
    }

    /** ADD COLUMN IF NOT EXISTS of the helpers of an existing (kept) table's generated columns. */
    List<String> addHelpers(Connection connection, TargetTable table) throws SQLException {
        List<String> statements = new ArrayList<>();
        for (String column : stored(connection, table.name())) {
            if (table.columns().stream().anyMatch(c -> c.name().equals(column))) {
                ColumnType type = table.columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow()
                        .type();
                statements.add("ALTER TABLE " + ddl.table(table) + " ADD COLUMN IF NOT EXISTS "
                        + Sql.identifier(helper(table, column)) + " " + ddl.typeSql(type));
            }
        }
        return statements;
    }

    /**
     * Compares each generated column of the table with the copied values in its helper, keeps the source's values
     * where PostgreSQL computes others, and drops the helpers: one transaction for the table.
     */
    void settle(Connection connection, TargetTable table) throws SQLException {
        Set<String> helpers = helpers(connection, table.name());
        if (helpers.isEmpty()) {
            return;
        }
        Set<String> generated = stored(connection, table.name());
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String column : generated) {
                String helper = helper(table, column);
                if (!helpers.contains(helper)) {
                    continue;
                }
                String differs = Sql.identifier(column) + " IS DISTINCT FROM " + Sql.identifier(helper);
                long different;
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + ddl.table(table) + " WHERE " + differs)) {
                    rs.next();
                    different = rs.getLong(1);
                }
                if (different > 0) {
                    statement.execute("ALTER TABLE " + ddl.table(table) + " ALTER COLUMN " + Sql.identifier(column)
                            + " DROP EXPRESSION");
                    statement.execute("UPDATE " + ddl.table(table) + " SET " + Sql.identifier(column) + " = "
                            + Sql.identifier(helper) + " WHERE " + differs);
                }
                settled.put(table.name() + "." + column, different);
            }
            for (String helper : helpers) {
                statement.execute("ALTER TABLE " + ddl.table(table) + " DROP COLUMN " + Sql.identifier(helper));
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** What became of each tried generated column, for the report. */
    List<PlanNote> notes(MigrationPlan plan) {
        List<PlanNote> notes = new ArrayList<>();
        for (SkippedObject object : plan.skipped()) {
            if (!object.kind().equals("generated column") || !object.tried()) {
                continue;
            }
            String key = targetKey(plan, object);
            if (key == null) {
                notes.add(new PlanNote(object.kind(), object.name(), "not created", "its table is not migrated"));
            } else if (refused.containsKey(key)) {
                notes.add(new PlanNote(object.kind(), object.name(), "not recreated: a plain column holding the"
                        + " copied values", "PostgreSQL: " + refused.get(key) + "; expression " + object.targetSql()));
            } else if (settled.getOrDefault(key, 0L) > 0) {
                notes.add(new PlanNote(object.kind(), object.name(), "not recreated: a plain column holding the"
                        + " copied values", "PostgreSQL computes a different value than the source in "
                        + settled.get(key) + " row(s); expression " + object.targetSql()));
            } else if (settled.containsKey(key)) {
                notes.add(new PlanNote(object.kind(), object.name(), "created on PostgreSQL as " + object.targetSql(),
                        "PostgreSQL's computed values equal the source's in every row"));
            } else {
                notes.add(new PlanNote(object.kind(), object.name(), "not recreated: a plain column holding the"
                        + " copied values", "the column is not generated on the target (refused when the table was created, or the table"
                        + " existed before this run); expression "
                        + object.targetSql()));
            }
        }
        return notes;
    }

    private static String targetKey(MigrationPlan plan, SkippedObject object) {
        for (TargetTable table : plan.tables()) {
            for (int i = 0; i < table.columns().size(); i++) {
                if (object.name().equals(table.source().name() + "." + table.source().columns().get(i).name())) {
                    return table.name() + "." + table.columns().get(i).name();
                }
            }
        }
        return null;
    }
}
