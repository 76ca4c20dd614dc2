package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.plan.Collations;
import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.TargetTable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one migrate run created in its target (tables, the schema, migrate's collation), so that a failed run can
 * take exactly that away again: the statements that undo it, and one line that says what they did.
 */
final class CreatedByRun {
    /** The undo statements in order, and what they do in a few words. */
    record Undo(List<String> statements, String summary) {
    }

    private final PostgresDdl ddl;
    private final Set<String> tables = ConcurrentHashMap.newKeySet();
    private volatile boolean schema;
    private volatile boolean collation;
    private final Set<String> types = ConcurrentHashMap.newKeySet();

    CreatedByRun(PostgresDdl ddl) {
        this.ddl = ddl;
    }

    void record(boolean createdSchema, boolean createdCollation, Collection<String> createdTables) {
        schema = createdSchema;
        collation = createdCollation;
        tables.addAll(createdTables);
    }

    /** Enum types this run created (--prisma-schema). */
    void recordTypes(Collection<String> createdTypes) {
        types.addAll(createdTypes);
    }

    boolean schema() {
        return schema;
    }

    /**
     * Drops the tables this run created, then its collation and schema; empties the plan's other existing tables
     * (kept by --on-existing truncate) and drops their helper columns.
     */
    Undo undo(MigrationPlan plan, Collection<String> existing) {
        List<String> statements = new ArrayList<>();
        int dropped = 0;
        int emptied = 0;
        for (TargetTable table : plan.tables()) {
            if (tables.contains(table.name())) {
                statements.add("DROP TABLE IF EXISTS " + ddl.table(table) + " CASCADE");
                dropped++;
            } else if (existing.contains(table.name())) {
                statements.add("TRUNCATE TABLE " + ddl.table(table) + " CASCADE");
                statements.add(ddl.dropRowid(table));
                GeneratedColumns.candidates(plan, table).keySet().forEach(column -> statements.add("ALTER TABLE "
                        + ddl.table(table) + " DROP COLUMN IF EXISTS " + Sql.identifier(GeneratedColumns.helper(table, column))));
                emptied++;
            }
        }
        types.forEach(type -> statements.add("DROP TYPE IF EXISTS " + Sql.qualified(ddl.schema(), type)));
        if (collation) {
            statements.add("DROP COLLATION IF EXISTS " + ddl.collation(Collations.NOCASE));
        }
        if (schema) {
            statements.add("DROP SCHEMA IF EXISTS " + Sql.identifier(ddl.schema()));
        }
        return new Undo(statements, "dropped the " + dropped + " table" + (dropped == 1 ? "" : "s") + " this run created"
                + (schema ? " and the schema " + Sql.identifier(ddl.schema()) : "")
                + (emptied == 0 ? "" : ", emptied the " + emptied + " kept by --on-existing truncate"));
    }
}
