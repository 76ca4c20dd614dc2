package com.partpal.db.application.jobs;

import com.partpal.db.application.port.ProgressListener;
import com.partpal.db.domain.report.TableResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Passes a migration's progress on and remembers which tables were fully loaded, to say what a cancel left in the
 * target: the tables are created, those fully loaded hold all their rows (a table's load commits only when it ends),
 * every other table is empty, keys and indexes exist at most on fully loaded tables, and no foreign keys or sequences
 * are built (exactly as migrate leaves it after Ctrl-C).
 */
final class LoadedTables implements ProgressListener {
    private final String target;
    private final ProgressListener next;
    private final Set<String> started = new LinkedHashSet<>();
    private final List<String> loaded = new ArrayList<>();

    LoadedTables(String target, ProgressListener next) {
        this.target = target;
        this.next = next;
    }

    /** One line for a cancelled run: what the target holds now and how to run the migration again. */
    synchronized String afterCancel() {
        List<String> partial = started.stream().filter(t -> !loaded.contains(t)).toList();
        return "migration cancelled; the target " + target + " is incomplete: "
                + (loaded.isEmpty() ? "no table was fully loaded" : "fully loaded: " + String.join(", ", loaded))
                + "; every other table is empty"
                + (partial.isEmpty() ? "" : " (stopped and rolled back: " + String.join(", ", partial) + ")")
                + "; no foreign keys or sequences were built (a fully loaded table may have its keys and indexes)."
                + " Run the migration again with "
                + "onExisting truncate or drop (CLI: --on-existing truncate|drop)";
    }

    @Override
    public void phase(String description) {
        next.phase(description);
    }

    @Override
    public synchronized void tableStarted(String table, long totalRows) {
        started.add(table);
        next.tableStarted(table, totalRows);
    }

    @Override
    public void rowsLoaded(String table, long rowsDone) {
        next.rowsLoaded(table, rowsDone);
    }

    @Override
    public synchronized void tableFinished(TableResult result) {
        loaded.add(result.table());
        next.tableFinished(result);
    }
}
