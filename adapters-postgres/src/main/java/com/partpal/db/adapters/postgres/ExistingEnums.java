package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.TargetColumn;
import com.partpal.db.domain.types.ColumnType;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enum types (--prisma-schema) that already exist in the target schema with other values than the schema.prisma
 * gives: reusing one would load values it does not have, or keep values the app no longer has. With --on-existing
 * drop each is dropped and created again (and named first); otherwise the run is refused before writing.
 */
final class ExistingEnums {
    private ExistingEnums() {
    }

    /** Type name -> the values it has in the target, for each of the plan's enum types that exists with others. */
    static Map<String, List<String>> differing(Connection connection, String schema, MigrationPlan plan)
            throws SQLException {
        Map<String, List<String>> planned = new LinkedHashMap<>();
        plan.tables().stream().flatMap(t -> t.columns().stream()).map(TargetColumn::type).filter(ColumnType::isEnum)
                .forEach(type -> planned.putIfAbsent(type.declared(), type.enumValues()));
        Map<String, List<String>> differing = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> type : planned.entrySet()) {
            List<String> existing = values(connection, schema, type.getKey());
            if (!existing.isEmpty() && !existing.equals(type.getValue())) {
                differing.put(type.getKey(), existing);
            }
        }
        return differing;
    }

    /** The type's values in their order; empty when the schema has no enum type of that name. */
    private static List<String> values(Connection connection, String schema, String type) throws SQLException {
        return CatalogueStrings.of(connection, "SELECT e.enumlabel FROM pg_enum e"
                + " JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = ? AND t.typname = ? ORDER BY e.enumsortorder", schema, type);
    }

    /** "enum type Role (ADMIN, USER)" for each: what --on-existing drop replaces. */
    static List<String> described(Map<String, List<String>> differing) {
        return differing.entrySet().stream().map(e -> "enum type " + Sql.identifier(e.getKey()) + " ("
                + String.join(", ", e.getValue()) + ")").toList();
    }

    /** The one line that refuses a run without --on-existing drop. */
    static String refusal(Map<String, List<String>> differing, MigrationPlan plan, String target) {
        Map.Entry<String, List<String>> first = differing.entrySet().iterator().next();
        List<String> wanted = plan.tables().stream().flatMap(t -> t.columns().stream()).map(TargetColumn::type)
                .filter(type -> type.isEnum() && type.declared().equals(first.getKey())).findFirst()
                .map(ColumnType::enumValues).orElse(List.of());
        return "enum type " + Sql.identifier(first.getKey()) + " already exists in " + target + " with values ("
                + String.join(", ", first.getValue()) + "), the schema.prisma has (" + String.join(", ", wanted) + ")"
                + (differing.size() > 1 ? " (and " + (differing.size() - 1) + " more enum types differ)" : "")
                + "; use --on-existing drop to replace it";
    }
}
