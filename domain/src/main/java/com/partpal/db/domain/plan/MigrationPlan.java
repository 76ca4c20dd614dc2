package com.partpal.db.domain.plan;

import com.partpal.db.domain.schema.SkippedObject;

import java.util.List;
import java.util.Optional;

/**
 * The target tables in load order (parents before children), the objects that are not copied, and what the plan
 * had to leave out or could not translate (a foreign key to an excluded table, an untranslatable default), and the
 * choices it made about objects PostgreSQL would refuse as they are (notes: renamed identifiers, foreign keys not
 * created, collations, ...).
 */
public record MigrationPlan(List<TargetTable> tables, List<SkippedObject> skipped, List<String> warnings,
                            List<PlanNote> notes) {
    public MigrationPlan {
        tables = List.copyOf(tables);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    public MigrationPlan(List<TargetTable> tables, List<SkippedObject> skipped, List<String> warnings) {
        this(tables, skipped, warnings, List.of());
    }

    public MigrationPlan(List<TargetTable> tables, List<SkippedObject> skipped) {
        this(tables, skipped, List.of());
    }

    public Optional<TargetTable> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
