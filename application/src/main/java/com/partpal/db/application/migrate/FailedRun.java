package com.partpal.db.application.migrate;

import com.partpal.db.application.port.ResumableFailure;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.plan.MigrationPlan;

/**
 * What a migrate run that stopped after it started writing leaves in the target; the one place that decides it.
 * <ul>
 *   <li>cancelled, or failed for a reason a later run can get past (see {@link ResumableFailure}): the resumable
 *       state stays, with the loaded rows and their helper column, for {@code --resume};</li>
 *   <li>any other failure (a statement PostgreSQL refuses, a corrupt source, a bug): what this run created is taken
 *       away (tables, the schema, migrate's collation, rows loaded into kept tables, the helper columns, the run
 *       state) and the message says so and what to type next;</li>
 *   <li>such a failure in a resumed run keeps what the earlier runs loaded, and the message says how to start over.</li>
 * </ul>
 */
final class FailedRun {
    private FailedRun() {
    }

    /** The failure to throw once the target is dealt with. */
    static RuntimeException cleanUp(TargetDatabase target, MigrationPlan plan, RuntimeException failure, boolean resumed) {
        if (failure instanceof MigrationCancelledException) {
            return failure;
        }
        if (ResumableFailure.isResumable(failure)) {
            return new ResumableRunException(failure);
        }
        String cause = firstLine(failure);
        String message;
        if (resumed) {
            message = cause + "; the target keeps what the earlier runs loaded and their run state; to start over, run"
                    + " migrate without --resume and with --on-existing drop";
        } else {
            try {
                String removed = target.removeCreated(plan);
                target.dropRunState();
                message = cause + "; the target is as before this run: " + removed
                        + "; fix the cause and run the same command again";
            } catch (RuntimeException cleanupFailure) {
                failure.addSuppressed(cleanupFailure);
                message = cause + "; the target may hold a partial migration (removing it failed too: "
                        + firstLine(cleanupFailure) + "); once the target is reachable run the same command again with"
                        + " --on-existing drop";
            }
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
