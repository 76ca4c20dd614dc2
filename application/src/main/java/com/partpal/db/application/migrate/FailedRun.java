package com.partpal.db.application.migrate;

import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.plan.MigrationPlan;

/**
 * What a migrate run that stopped after it started writing leaves in the target. A failure (server gone, disk
 * full, a refused statement, a bug) takes away what this run created (tables, the schema, rows loaded into kept
 * tables, helper columns) and its message says so and what to type next; a cancel keeps the loaded tables (see
 * LoadedTables) but never the helper columns. This is the one place that decides it, so a resumable run can keep
 * its state here instead.
 */
final class FailedRun {
    private FailedRun() {
    }

    /** The failure to report once the target is cleaned up: the cause, what was removed, what to do next. */
    static RuntimeException cleanUp(TargetDatabase target, MigrationPlan plan, RuntimeException failure) {
        if (failure instanceof MigrationCancelledException) {
            try {
                target.removeHelperColumns(plan);
            } catch (RuntimeException ignored) {
                failure.addSuppressed(ignored);
            }
            return failure;
        }
        String cause = firstLine(failure);
        String message;
        try {
            message = cause + "; the target is as before this run: " + target.removeCreated(plan)
                    + "; fix the cause and run the same command again";
        } catch (RuntimeException cleanupFailure) {
            failure.addSuppressed(cleanupFailure);
            message = cause + "; the target may hold a partial migration (removing it failed too: "
                    + firstLine(cleanupFailure) + "); once the target is reachable run the same command again with"
                    + " --on-existing drop";
        }
        return failure instanceof BadInputException ? new BadInputException(message, failure)
                : new MigrationFailedException(message, failure);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        if ((message == null || message.isBlank()) && e.getCause() != null) {
            return firstLine(e.getCause());
        }
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
