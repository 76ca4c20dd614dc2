package com.partpal.db.application.migrate;

import com.partpal.db.application.port.DatabaseConnector;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.PlanBuilder;
import com.partpal.db.domain.plan.PlanOptions;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.TableCensus;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** plan: discover the source, census its stored values, and show the plan without touching any target. */
public final class PlanUseCase {
    private final DatabaseConnector connector;

    public PlanUseCase(DatabaseConnector connector) {
        this.connector = connector;
    }

    public PlanReport plan(String from, PlanOptions options) {
        try (SourceDatabase source = connector.openSource(from)) {
            SourceSchema schema = source.readSchema();
            Map<String, TableCensus> census = Census.take(source, schema, true);
            source.requireIntact();
            MigrationPlan plan = PlanBuilder.build(schema, options, Census.facts(census));
            List<TableCensus> planned = plan.tables().stream().map(t -> census.get(t.name()))
                    .filter(Objects::nonNull).toList();
            return new PlanReport(source.describe(), plan, planned);
        }
    }
}
