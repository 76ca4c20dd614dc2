package com.partpal.db.domain.plan;

import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables parents before children by their foreign keys. At each step the first table in source order whose
 * parents are all placed comes next (self references and parents outside the list do not count), so unrelated
 * tables keep source order. When every remaining table waits on another, the first one in source order that is
 * itself on a cycle goes next (not a table that merely hangs below a cycle), which breaks the cycle.
 */
final class LoadOrder {
    private LoadOrder() {
    }

    static List<Table> of(List<Table> tables) {
        Map<String, Table> remaining = new LinkedHashMap<>();
        tables.forEach(t -> remaining.put(t.name(), t));
        List<Table> ordered = new ArrayList<>(tables.size());
        while (!remaining.isEmpty()) {
            Table next = remaining.values().stream()
                    .filter(t -> parentsOf(t, remaining).isEmpty())
                    .findFirst()
                    .orElseGet(() -> firstOnCycle(remaining));
            remaining.remove(next.name());
            ordered.add(next);
        }
        return ordered;
    }

    private static Table firstOnCycle(Map<String, Table> remaining) {
        return remaining.values().stream()
                .filter(t -> reachesItself(t, remaining))
                .findFirst()
                .orElseThrow();
    }

    /** Whether following not-yet-placed parents from this table leads back to it. */
    private static boolean reachesItself(Table start, Map<String, Table> remaining) {
        Deque<Table> toVisit = new ArrayDeque<>(parentsOf(start, remaining));
        Set<String> seen = new HashSet<>();
        while (!toVisit.isEmpty()) {
            Table table = toVisit.pop();
            if (table == start) {
                return true;
            }
            if (seen.add(table.name())) {
                toVisit.addAll(parentsOf(table, remaining));
            }
        }
        return false;
    }

    private static List<Table> parentsOf(Table table, Map<String, Table> remaining) {
        List<Table> parents = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            Table parent = remaining.get(fk.parentTable());
            if (parent != null && parent != table) {
                parents.add(parent);
            }
        }
        return parents;
    }
}
