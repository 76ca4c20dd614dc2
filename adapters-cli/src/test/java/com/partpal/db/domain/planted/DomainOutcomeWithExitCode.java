package com.partpal.db.domain.planted;

/** Planted for PlantedViolationsTest: a domain outcome that knows the CLI's exit code. Never used. */
public enum DomainOutcomeWithExitCode {
    DONE;

    public int exitCode() {
        return 0;
    }
}
