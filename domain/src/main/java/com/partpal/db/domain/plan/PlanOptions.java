package com.partpal.db.domain.plan;

import com.partpal.db.domain.prisma.PrismaSchema;
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
 * @param prismaSchema  the app's schema.prisma (--prisma-schema): types, enums and defaults as Prisma's PostgreSQL
 *                      provider creates them; null without the option
 */
public record PlanOptions(Set<String> jsonColumns, List<String> includeTables, List<String> excludeTables,
                          Map<String, EpochUnit> epochUnits, PrismaSchema prismaSchema) {
    public PlanOptions {
        jsonColumns = jsonColumns == null ? Set.of() : Set.copyOf(jsonColumns);
        includeTables = includeTables == null ? List.of() : List.copyOf(includeTables);
        excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
        epochUnits = epochUnits == null ? Map.of() : Map.copyOf(epochUnits);
    }

    public PlanOptions(Set<String> jsonColumns, List<String> includeTables, List<String> excludeTables,
                       Map<String, EpochUnit> epochUnits) {
        this(jsonColumns, includeTables, excludeTables, epochUnits, null);
    }

    public PlanOptions(Set<String> jsonColumns, List<String> includeTables, List<String> excludeTables) {
        this(jsonColumns, includeTables, excludeTables, Map.of());
    }

    public static PlanOptions all() {
        return new PlanOptions(Set.of(), List.of(), List.of());
    }
}
