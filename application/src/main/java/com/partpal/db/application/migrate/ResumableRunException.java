package com.partpal.db.application.migrate;

/**
 * A run that failed once its state was kept in the target, for a reason a later run can get past (a transient
 * failure that outlasted its retries, a full or read-only target): {@code --resume} continues it once that is fixed.
 */
public final class ResumableRunException extends RuntimeException {
    ResumableRunException(RuntimeException cause) {
        super(cause.getMessage(), cause);
    }
}
