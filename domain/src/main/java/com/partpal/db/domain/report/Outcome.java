package com.partpal.db.domain.report;

/** How a run ended; the front ends map it to exit codes 0, 3, 1 (and verification differences to 1). */
public enum Outcome {
    COPIED_ALL(0),
    COMPLETED_WITH_REJECTS(3),
    VERIFICATION_FAILED(1),
    FAILED(1);

    private final int exitCode;

    Outcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
