package com.partpal.db.domain.plan;

import com.partpal.db.domain.schema.SkippedObject;
import com.partpal.db.domain.schema.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The objects migrate tries on PostgreSQL after the load (CHECK constraints, views, generated columns) in the plan's
 * target names: a view gets its own target name (a long one is shortened like a table's), and the SQL of each is
 * rewritten to the new names of what it refers to ({@link RenamedReferences}). One whose SQL cannot be rewritten
 * with certainty is not tried: it stays in the list without target SQL, with the reason, and a note says so.
 */
final class TriedObjectNames {
    private TriedObjectNames() {
    }

    static List<SkippedObject> of(List<SkippedObject> skipped, List<Table> selected, NameMapping names,
                                  List<PlanNote> notes) {
        List<SkippedObject> result = new ArrayList<>(skipped.size());
        for (SkippedObject object : skipped) {
            if (!object.tried()) {
                result.add(object);
                continue;
            }
            RenamedReferences references = switch (object.kind()) {
                case "view" -> names.allReferences();
                case "check" -> names.references(object.name());
                case "generated column" -> names.references(tableOf(object.name(), selected));
                default -> new RenamedReferences();
            };
            String name = object.kind().equals("view") ? names.view(object.name()) : object.name();
            RenamedReferences.Result rewritten = references.rewrite(object.targetSql());
            if (rewritten.problem() == null) {
                result.add(new SkippedObject(object.kind(), name, object.reason(), object.sql(), rewritten.sql()));
            } else {
                String reason = "not created: it refers to a renamed object and cannot be rewritten with certainty ("
                        + rewritten.problem() + ")";
                result.add(new SkippedObject(object.kind(), name, reason, object.sql()));
                notes.add(new PlanNote(object.kind(), object.name(), "not created", "it refers to a renamed object: "
                        + rewritten.problem()));
            }
        }
        return result;
    }

    /** The selected table a "table.column" name belongs to (table names may hold dots), or "" for none. */
    private static String tableOf(String tableDotColumn, List<Table> selected) {
        for (Table table : selected) {
            if (tableDotColumn.startsWith(table.name() + ".")
                    && table.column(tableDotColumn.substring(table.name().length() + 1)).isPresent()) {
                return table.name();
            }
        }
        return "";
    }
}
