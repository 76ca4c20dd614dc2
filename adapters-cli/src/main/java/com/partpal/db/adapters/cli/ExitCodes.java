package com.partpal.db.adapters.cli;

import com.partpal.db.domain.ops.HealthCheck;
import com.partpal.db.domain.report.Outcome;
import com.partpal.db.domain.verify.VerificationReport;

/**
 * The command line's exit codes for the domain's outcomes (the inner layers never speak of exit codes):
 * 0 success, 1 failure or differences, 2 bad input (FailureHandler), 3 completed with rejected rows;
 * `monitor --check` uses Nagios's 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
 */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int WITH_REJECTS = 3;

    private ExitCodes() {
    }

    static int of(Outcome outcome) {
        return switch (outcome) {
            case COPIED_ALL -> OK;
            case COMPLETED_WITH_REJECTS -> WITH_REJECTS;
            case VERIFICATION_FAILED, FAILED -> FAILED;
        };
    }

    static int of(VerificationReport report) {
        return report.identical() ? OK : FAILED;
    }

    /** Nagios plugin exit codes. */
    static int of(HealthCheck.Status status) {
        return switch (status) {
            case OK -> 0;
            case WARNING -> 1;
            case CRITICAL -> 2;
            case UNKNOWN -> 3;
        };
    }
}
