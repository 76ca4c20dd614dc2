package com.partpal.db.adapters.cli;

import com.partpal.db.domain.plan.PlanOptions;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The options that shape the plan, shared by migrate and plan. */
final class TableSelection {
    @Option(names = "--json-columns", split = ",", paramLabel = "TABLE.COLUMN",
            description = "Columns to migrate as jsonb although not declared JSON (e.g. parts.images).")
    List<String> jsonColumns = new ArrayList<>();

    @Option(names = "--tables", split = ",", paramLabel = "TABLE", description = "Only these tables.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--exclude", split = ",", paramLabel = "TABLE", description = "All tables but these.")
    List<String> exclude = new ArrayList<>();

    PlanOptions toOptions() {
        return new PlanOptions(new LinkedHashSet<>(jsonColumns), List.copyOf(tables), List.copyOf(exclude));
    }
}
