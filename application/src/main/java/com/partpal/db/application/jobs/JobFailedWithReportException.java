package com.partpal.db.application.jobs;

/**
 * The work ran to its end but what it found is a failure (a verification with differences): the job ends FAILED with
 * this one-line summary as its error, and keeps the report that names the differences.
 */
public final class JobFailedWithReportException extends RuntimeException {
    private final String reportJson;

    public JobFailedWithReportException(String summary, String reportJson) {
        super(summary);
        this.reportJson = reportJson;
    }

    public String reportJson() {
        return reportJson;
    }
}
