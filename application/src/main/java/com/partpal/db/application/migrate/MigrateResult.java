package com.partpal.db.application.migrate;

import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.report.MigrationReport;

/** The plan and its DDL; the report is null for a dry run. */
public record MigrateResult(MigrationPlan plan, String ddl, MigrationReport report) {
    public boolean dryRun() {
        return report == null;
    }
}
