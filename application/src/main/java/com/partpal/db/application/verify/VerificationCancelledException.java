package com.partpal.db.application.verify;

/** A verification stopped on request. It only reads, so nothing was changed; its report was not finished. */
public final class VerificationCancelledException extends RuntimeException {
    public VerificationCancelledException() {
        super("verification cancelled: nothing was changed (verify only reads); run it again for a report");
    }
}
