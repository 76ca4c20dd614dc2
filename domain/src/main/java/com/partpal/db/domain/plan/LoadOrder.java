package com.partpal.db.domain.plan;

import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables parents before children by their foreign keys. At each step the first table in source order whose
 * parents are all placed comes next (self references and parents outside the list do not count), so unrelated
 * tables keep source order; when only a cycle is left, the first remaining table in source order breaks it.
 */
final class LoadOrder {
    private LoadOrder() {
    }

    static List<Table> of(List<Table> tables) {
        Map<String, Table> remaining = new LinkedHashMap<>();
        tables.forEach(t -> remaining.put(t.name(), t));
        List<Table> ordered = new ArrayList<>(tables.size());
        Set<String> placed = new HashSet<>();
        while (!remaining.isEmpty()) {
            Table next = remaining.values().stream()
                    .filter(t -> parentsPlaced(t, placed, remaining))
                    .findFirst()
                    .orElse(remaining.values().iterator().next());
            remaining.remove(next.name());
            placed.add(next.name());
            ordered.add(next);
        }
        return ordered;
    }

    private static boolean parentsPlaced(Table table, Set<String> placed, Map<String, Table> remaining) {
        for (ForeignKey fk : table.foreignKeys()) {
            String parent = fk.parentTable();
            if (!parent.equals(table.name()) && remaining.containsKey(parent) && !placed.contains(parent)) {
                return false;
            }
        }
        return true;
    }
}
