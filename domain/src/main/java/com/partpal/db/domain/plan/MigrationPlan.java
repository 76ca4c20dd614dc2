package com.partpal.db.domain.plan;

import com.partpal.db.domain.schema.SkippedObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The target tables in load order (parents before children), the objects that are not copied, and what the plan
 * had to leave out or could not translate (a foreign key to an excluded table, an untranslatable default).
 *
 * @param origin      whether the source is Prisma-made, and why (it decides how DATETIME integers are read)
 * @param columnNotes per "table.column", the choices the plan made for its values that the type alone does not say
 *                    (the epoch unit of a timestamp, a type widened for what the column holds)
 */
public record MigrationPlan(List<TargetTable> tables, List<SkippedObject> skipped, List<String> warnings,
                            PrismaOrigin origin, Map<String, String> columnNotes) {
    public MigrationPlan {
        tables = List.copyOf(tables);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        columnNotes = Collections.unmodifiableMap(new LinkedHashMap<>(columnNotes));
    }

    public MigrationPlan(List<TargetTable> tables, List<SkippedObject> skipped, List<String> warnings) {
        this(tables, skipped, warnings, null, Map.of());
    }

    public MigrationPlan(List<TargetTable> tables, List<SkippedObject> skipped) {
        this(tables, skipped, List.of());
    }

    public Optional<TargetTable> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The note on a column's values, or null. */
    public String columnNote(String table, String column) {
        return columnNotes.get(table + "." + column);
    }

    /** The plan's choices and warnings as the report records them. */
    public Map<String, Object> choices() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("origin", origin == null ? null : origin.describe());
        m.put("prismaMade", origin != null && origin.prismaMade());
        m.put("columns", columnNotes);
        m.put("warnings", warnings);
        return m;
    }
}
