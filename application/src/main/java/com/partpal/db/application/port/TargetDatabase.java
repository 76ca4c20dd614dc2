package com.partpal.db.application.port;

import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.PlanNote;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.schema.Index;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A database to migrate into. */
public interface TargetDatabase extends AutoCloseable {
    /** The URL with the password masked. */
    String describe();

    /** The whole DDL the plan would run (for --dry-run and plan): tables, then keys, indexes, foreign keys, sequences. */
    String renderDdl(MigrationPlan plan);

    /** Those of the named tables that already exist in the target schema. */
    List<String> existingTables(Collection<String> tables);

    /**
     * What --on-existing drop would drop and create again ("table x", "enum type y (a, b)"), so that it is named
     * before it is destroyed.
     */
    default List<String> replacedByDrop(MigrationPlan plan) {
        return existingTables(plan.tables().stream().map(t -> t.name()).toList()).stream()
                .map(table -> "table " + table).toList();
    }

    /** Creates the schema if missing and the tables without indexes or foreign keys, applying the on-existing rule. */
    void createTables(MigrationPlan plan, OnExisting onExisting);

    /**
     * Undoes this run after a failure: drops the tables {@link #createTables} created and the schema if it created
     * it, empties the tables it kept (--on-existing truncate) and removes their helper columns. Returns what it did
     * in a few words ("dropped the 3 tables this run created").
     */
    String removeCreated(MigrationPlan plan);


    /**
     * Loads one table: from its last checkpoint when a run's bookkeeping holds one ({@link TableLoader#resumedFrom()}),
     * else emptied first; batches are committed by {@link TableLoader#commit} (or all at once by finish).
     */
    TableLoader openLoader(TargetTable table);

    /** The bookkeeping an interrupted run left in the target, if any (see {@link RunState}). */
    default Optional<RunState> runState() {
        return Optional.empty();
    }

    /**
     * Keeps this run's bookkeeping from now on (in a schema of its own, created if missing; the run's record is kept
     * when one is there already, as on resume); keys and orphan checks then record the rows they remove.
     */
    default void startRun(RunState run) {
    }

    /** Removes the bookkeeping: the run completed, or a new run replaces an interrupted one. */
    default void dropRunState() {
    }

    /** The rows removed as duplicate keys or orphans since the bookkeeping started (by this run or the one it resumes). */
    default RemovedRows removedRows(MigrationPlan plan) {
        return RemovedRows.NONE;
    }

    /** Connections the target allows at once (the URL's connection_limit): loads and builds use at most that many. */
    int maxConnections();

    /**
     * Once the table is loaded: its primary key and unique indexes (the keys orphan checks of its children use).
     * Rows whose key equals that of a row with a lower rowid only once converted are removed first
     * and returned. Uses one connection.
     */
    List<DuplicateKey> buildKeys(TargetTable table);

    /** Once the table's keys are built: its planner statistics (ANALYZE). */
    void analyze(TargetTable table);

    /**
     * Deletes the rows of {@code tables} whose non-NULL foreign key finds no parent, repeating until none is left
     * (so removals cascade within and between them); parents outside {@code tables} must be settled already.
     */
    List<Orphan> removeOrphans(MigrationPlan plan, Collection<TargetTable> tables);

    /** Once the table's orphans are removed: one of its other (not unique) indexes; several can be built at once. */
    void buildIndex(TargetTable table, Index index);

    /**
     * Once every table is indexed: adds the foreign keys (jobs at a time), sets the sequences, then removes the load
     * bookkeeping (helper columns and the run state) in one transaction.
     */
    void finish(MigrationPlan plan, int jobs);

    /**
     * After finish: creates the source's views and CHECK constraints that PostgreSQL runs as written (the plan's
     * skipped objects that are {@code tried()}), and says for each whether it was created and if not why. Never
     * throws for an object PostgreSQL refuses.
     */
    default List<PlanNote> createTriedObjects(MigrationPlan plan) {
        return List.of();
    }

    @Override
    void close();
}
