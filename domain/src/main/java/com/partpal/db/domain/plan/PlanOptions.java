package com.partpal.db.domain.plan;

import java.util.List;
import java.util.Set;

/**
 * What the user chose to migrate.
 *
 * @param jsonColumns   "table.column" names to load as jsonb whatever their declared type (--json-columns)
 * @param includeTables the only tables to migrate (--tables); empty means all
 * @param excludeTables tables not to migrate (--exclude)
 */
public record PlanOptions(Set<String> jsonColumns, List<String> includeTables, List<String> excludeTables) {
    public PlanOptions {
        jsonColumns = jsonColumns == null ? Set.of() : Set.copyOf(jsonColumns);
        includeTables = includeTables == null ? List.of() : List.copyOf(includeTables);
        excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
    }

    public static PlanOptions all() {
        return new PlanOptions(Set.of(), List.of(), List.of());
    }
}
