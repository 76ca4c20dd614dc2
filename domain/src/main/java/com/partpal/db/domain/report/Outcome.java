package com.partpal.db.domain.report;

/** How a run ended; each front end maps it to its own terms (the CLI to exit codes, HTTP to job states). */
public enum Outcome {
    COPIED_ALL,
    COMPLETED_WITH_REJECTS,
    VERIFICATION_FAILED,
    FAILED
}
