package com.partpal.db.domain.plan;

import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Foreign keys PostgreSQL would refuse are left out of the plan with a note; the others are kept. */
class ForeignKeyCheckTest {
    private static Table parent(String idType, List<Index> indexes) {
        return new Table("tag_entity", List.of(new Column("id", idType, true, null, 1),
                new Column("name", "varchar(24)", true, null, 0)), List.of("id"), "tag_entity_pkey", null, false, null,
                indexes, List.of(), "sql");
    }

    private static Table child(ForeignKey... fks) {
        return new Table("workflows_tags", List.of(new Column("workflowId", "INTEGER", true, null, 1),
                new Column("tagId", "varchar", true, null, 2)), List.of("workflowId", "tagId"), "workflows_tags_pkey",
                null, false, null, List.of(), List.of(fks), "sql");
    }

    private static ForeignKey fk(String name, String column, String parent, String parentColumn) {
        return new ForeignKey(name, List.of(column), parent, List.of(parentColumn), "CASCADE", "NO ACTION");
    }

    private static MigrationPlan plan(Table... tables) {
        return PlanBuilder.build(new SourceSchema(List.of(tables), List.of()), PlanOptions.all(), Set.of());
    }

    private static List<ForeignKey> keys(MigrationPlan plan) {
        return plan.table("workflows_tags").orElseThrow().foreignKeys();
    }

    @Test
    void childAndParentTypesPostgresqlCannotCompareLeaveTheKeyOutAsN8nHasIt() {
        MigrationPlan plan = plan(parent("INTEGER", List.of()), child(fk("FK_tag", "tagId", "tag_entity", "id")));
        assertEquals(List.of(), keys(plan));
        assertEquals(List.of(new PlanNote("foreign key", "workflows_tags.FK_tag", "not created",
                "column tagId becomes text and its parent column tag_entity.id integer, which PostgreSQL cannot compare;"
                        + " its rows are copied as they are")), plan.notes());
    }

    @Test
    void integerAgainstBigintIsComparable() {
        Table parent = parent("INTEGER", List.of());
        Table child = new Table("workflows_tags", List.of(new Column("tagId", "BIGINT", true, null, 0)), List.of(),
                null, null, false, null, List.of(), List.of(fk("FK_tag", "tagId", "tag_entity", "id")), "sql");
        assertEquals(1, keys(plan(parent, child)).size());
    }

    @Test
    void aKeyDeclaredTwiceIsCreatedOnceAsStrapiDeclaresIt() {
        MigrationPlan plan = plan(parent("TEXT", List.of()), child(fk("tags_fk", "tagId", "tag_entity", "id"),
                fk("tags_fk", "tagid", "TAG_ENTITY", "ID")));
        assertEquals(List.of(new ForeignKey("tags_fk", List.of("tagId"), "tag_entity", List.of("id"), "CASCADE",
                "NO ACTION")), keys(plan));
        assertEquals(List.of(new PlanNote("foreign key", "workflows_tags.tags_fk", "created once",
                "declared twice on the same columns")), plan.notes());
    }

    @Test
    void twoDifferentKeysWithOneNameGetTwoNames() {
        Table parent = parent("TEXT", List.of(new Index("tag_name_key", true, List.of("name"), null, true)));
        MigrationPlan plan = plan(parent, child(fk("fk", "tagId", "tag_entity", "id"), fk("fk", "tagId", "tag_entity", "name")));
        List<ForeignKey> keys = keys(plan);
        assertEquals(2, keys.size());
        assertEquals("fk", keys.get(0).name());
        assertTrue(keys.get(1).name().startsWith("fk_"), keys.get(1).name());
    }

    @Test
    void parentColumnsThatAreNotUniqueLeaveTheKeyOut() {
        Table parent = parent("TEXT", List.of(new Index("by_name", false, List.of("name"), null, false),
                new Index("partial_name", true, List.of("name"), "name <> ''", false)));
        MigrationPlan plan = plan(parent, child(fk("by_name_fk", "tagId", "tag_entity", "name")));
        assertEquals(List.of(), keys(plan));
        assertTrue(plan.notes().get(0).reason().startsWith("its parent columns tag_entity (name) are neither a primary"
                + " key nor unique"), plan.notes().toString());
        Table uniqueParent = parent("TEXT", List.of(new Index("tag_name_key", true, List.of("name"), null, true)));
        assertEquals(1, keys(plan(uniqueParent, child(fk("by_name_fk", "tagId", "tag_entity", "name")))).size());
    }

    @Test
    void missingParentColumnsOrTablesLeaveTheKeyOut() {
        MigrationPlan plan = plan(parent("TEXT", List.of()), child(fk("a", "tagId", "tag_entity", "uuid"),
                fk("b", "tagId", "tags", "id")));
        assertEquals(List.of(), keys(plan));
        assertEquals(List.of("its parent column tag_entity.uuid does not exist; its rows are copied as they are",
                "its parent table tags does not exist; its rows are copied as they are"),
                plan.notes().stream().map(PlanNote::reason).toList());
    }

    @Test
    void parentNamesAreMatchedIgnoringCaseAsSqliteDoes() {
        MigrationPlan plan = plan(parent("TEXT", List.of()), child(fk("a", "TAGID", "Tag_Entity", "ID")));
        assertEquals(List.of(new ForeignKey("a", List.of("tagId"), "tag_entity", List.of("id"), "CASCADE", "NO ACTION")),
                keys(plan));
    }
}
