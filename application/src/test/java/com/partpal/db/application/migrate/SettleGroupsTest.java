package com.partpal.db.application.migrate;

import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.PlanBuilder;
import com.partpal.db.domain.plan.PlanOptions;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettleGroupsTest {
    private static Table table(String name, String... parents) {
        List<ForeignKey> fks = Arrays.stream(parents).map(p -> new ForeignKey(name + "_" + p + "_fkey",
                List.of(p + "Id"), p, List.of("id"), null, null)).toList();
        List<Column> columns = new java.util.ArrayList<>(List.of(new Column("id", "INTEGER", true, null, 1)));
        Arrays.stream(parents).map(p -> new Column(p + "Id", "INTEGER", false, null, 0)).forEach(columns::add);
        return new Table(name, columns, List.of("id"), name + "_pkey", null, false, null, List.of(), fks, "");
    }

    private static List<List<String>> groups(Table... tables) {
        MigrationPlan plan = PlanBuilder.build(new SourceSchema(List.of(tables), List.of()),
                new PlanOptions(Set.of(), List.of(), List.of()), Set.of());
        return SettleGroups.of(plan).stream().map(g -> g.stream().map(TargetTable::name).sorted().toList()).toList();
    }

    @Test
    void tablesInAForeignKeyCycleSettleTogetherAfterTheirParentsAndBeforeTheirChildren() {
        List<List<String>> groups = groups(table("leaf", "a"), table("a", "b", "root"), table("b", "a"),
                table("root"), table("tree", "tree", "root"));
        assertEquals(4, groups.size(), groups.toString());
        assertEquals(List.of("a", "b"), groups.stream().filter(g -> g.size() == 2).findFirst().orElseThrow());
        assertTrue(before(groups, "root", "a"));
        assertTrue(before(groups, "a", "leaf"));
        assertTrue(before(groups, "root", "tree"));
    }

    @Test
    void aSelfReferenceAloneIsItsOwnGroup() {
        assertEquals(List.of(List.of("tree")), groups(table("tree", "tree")));
    }

    private static boolean before(List<List<String>> groups, String parent, String child) {
        int p = -1;
        int c = -1;
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).contains(parent)) {
                p = i;
            }
            if (groups.get(i).contains(child)) {
                c = i;
            }
        }
        return p >= 0 && p < c;
    }

    private static void assertTrue(boolean condition) {
        org.junit.jupiter.api.Assertions.assertTrue(condition);
    }
}
