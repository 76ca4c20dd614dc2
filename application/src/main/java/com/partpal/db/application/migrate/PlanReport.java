package com.partpal.db.application.migrate;

import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.schema.TableCensus;

import java.util.List;

/** What the plan command shows: the plan, its DDL, and the census of every planned table. */
public record PlanReport(String source, MigrationPlan plan, List<TableCensus> census) {
    public PlanReport {
        census = List.copyOf(census);
    }
}
