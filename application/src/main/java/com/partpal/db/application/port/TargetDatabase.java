package com.partpal.db.application.port;

import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.TargetTable;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A database to migrate into. */
public interface TargetDatabase extends AutoCloseable {
    /** The URL with the password masked. */
    String describe();

    /** The whole DDL the plan would run (for --dry-run and plan): tables, then keys, indexes, foreign keys, sequences. */
    String renderDdl(MigrationPlan plan);

    /** Row counts of those of the named tables that already exist in the target schema. */
    Map<String, Long> existingRowCounts(Collection<String> tables);

    /** Creates the schema if missing and the tables without indexes or foreign keys, applying the on-existing rule. */
    void createTables(MigrationPlan plan, OnExisting onExisting);

    TableLoader openLoader(TargetTable table);

    /** Connections the target allows at once (the URL's connection_limit): loads and builds use at most that many. */
    int maxConnections();

    /**
     * Primary keys and unique indexes (the parents' keys that orphan checks need), jobs at a time; then ANALYZE.
     * Rows whose key duplicates that of a row with a lower rowid (equal only after conversion) are removed first
     * and returned.
     */
    List<DuplicateKey> buildKeys(MigrationPlan plan, int jobs);

    /** Deletes rows whose non-NULL foreign key finds no parent, repeating until none is left. */
    List<Orphan> removeOrphans(MigrationPlan plan);

    /** The remaining indexes, the foreign keys and the sequences; removes load bookkeeping. */
    void finish(MigrationPlan plan, int jobs);

    @Override
    void close();
}
