package com.partpal.db.domain.plan;

import com.partpal.db.domain.schema.SkippedObject;

import java.util.List;
import java.util.Optional;

/** The target tables in load order (parents before children) and the objects that are not copied. */
public record MigrationPlan(List<TargetTable> tables, List<SkippedObject> skipped) {
    public MigrationPlan {
        tables = List.copyOf(tables);
        skipped = List.copyOf(skipped);
    }

    public Optional<TargetTable> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
