package com.partpal.db.application.migrate;

import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.schema.ForeignKey;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The groups in which orphans are settled: tables whose foreign keys form a cycle (a references b references a)
 * must be checked together until nothing more is removed; any other table is a group of its own. Groups come
 * parents first (strongly connected components of the child -> parent graph, Tarjan's order).
 */
final class SettleGroups {
    private final MigrationPlan plan;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new LinkedHashSet<>();
    private final List<List<TargetTable>> groups = new ArrayList<>();

    private SettleGroups(MigrationPlan plan) {
        this.plan = plan;
    }

    static List<List<TargetTable>> of(MigrationPlan plan) {
        SettleGroups search = new SettleGroups(plan);
        for (TargetTable table : plan.tables()) {
            if (!search.index.containsKey(table.name())) {
                search.visit(table);
            }
        }
        return search.groups;
    }

    /** The tables, other than itself, whose rows the table's foreign keys point at. */
    static Set<String> parents(MigrationPlan plan, TargetTable table) {
        Set<String> parents = new LinkedHashSet<>();
        for (ForeignKey fk : table.foreignKeys()) {
            if (!fk.parentTable().equals(table.name()) && plan.table(fk.parentTable()).isPresent()) {
                parents.add(fk.parentTable());
            }
        }
        return parents;
    }

    private void visit(TargetTable table) {
        String name = table.name();
        index.put(name, index.size());
        low.put(name, index.get(name));
        stack.push(name);
        onStack.add(name);
        for (String parent : parents(plan, table)) {
            if (!index.containsKey(parent)) {
                visit(plan.table(parent).orElseThrow());
                low.put(name, Math.min(low.get(name), low.get(parent)));
            } else if (onStack.contains(parent)) {
                low.put(name, Math.min(low.get(name), index.get(parent)));
            }
        }
        if (low.get(name).equals(index.get(name))) {
            List<TargetTable> group = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                group.add(0, plan.table(member).orElseThrow());
            } while (!member.equals(name));
            groups.add(group);
        }
    }
}
