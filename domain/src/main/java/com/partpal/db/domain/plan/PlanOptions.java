package com.partpal.db.domain.plan;

import com.partpal.db.domain.value.EpochUnit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the user chose to migrate.
 *
 * @param jsonColumns   "table.column" names to load as jsonb whatever their declared type (--json-columns)
 * @param includeTables the only tables to migrate (--tables); empty means all
 * @param excludeTables tables not to migrate (--exclude)
 * @param epochUnits    "table.column" of timestamp/date columns whose integers are read in the given unit
 *                      (--epoch-unit), whatever the plan would choose
 */
public record PlanOptions(Set<String> jsonColumns, List<String> includeTables, List<String> excludeTables,
                          Map<String, EpochUnit> epochUnits) {
    public PlanOptions {
        jsonColumns = jsonColumns == null ? Set.of() : Set.copyOf(jsonColumns);
        includeTables = includeTables == null ? List.of() : List.copyOf(includeTables);
        excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
        epochUnits = epochUnits == null ? Map.of() : Map.copyOf(epochUnits);
    }

    public PlanOptions(Set<String> jsonColumns, List<String> includeTables, List<String> excludeTables) {
        this(jsonColumns, includeTables, excludeTables, Map.of());
    }

    public static PlanOptions all() {
        return new PlanOptions(Set.of(), List.of(), List.of());
    }
}
