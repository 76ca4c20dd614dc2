package com.partpal.db.domain.plan;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.SkippedObject;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.types.TargetType;
import com.partpal.db.domain.value.CellRejectedException;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanBuilderTest {
    private static Column col(String name, String type) {
        return new Column(name, type, false, null, 0);
    }

    private static ForeignKey fk(String name, String column, String parent) {
        return new ForeignKey(name, List.of(column), parent, List.of("id"), "CASCADE", "NO ACTION");
    }

    private static Table table(String name, List<Column> columns, List<ForeignKey> fks) {
        return new Table(name, columns, List.of("id"), name + "_pkey", null, false, null, List.of(), fks,
                "CREATE TABLE " + name);
    }

    private static Table table(String name, ForeignKey... fks) {
        return table(name, List.of(new Column("id", "TEXT", true, null, 1), col("parentId", "TEXT")), List.of(fks));
    }

    private static SourceSchema schema(Table... tables) {
        return new SourceSchema(List.of(tables), List.of(new SkippedObject("table", "_prisma_migrations",
                "Prisma bookkeeping", null)));
    }

    private static List<String> names(MigrationPlan plan) {
        return plan.tables().stream().map(TargetTable::name).toList();
    }

    private static MigrationPlan build(SourceSchema schema) {
        return PlanBuilder.build(schema, PlanOptions.all(), Set.of());
    }

    @Test
    void parentsComeBeforeChildrenOtherwiseSourceOrder() {
        SourceSchema schema = schema(
                table("parts", fk("parts_sellerId_fkey", "parentId", "sellers")),
                table("audit"),
                table("sellers", fk("sellers_userId_fkey", "parentId", "users")),
                table("users"),
                table("zebra"));
        assertEquals(List.of("audit", "users", "sellers", "parts", "zebra"), names(build(schema)));
    }

    @Test
    void selfReferencesAreIgnoredForOrdering() {
        SourceSchema schema = schema(table("categories", fk("categories_parentId_fkey", "parentId", "categories")),
                table("other"));
        MigrationPlan plan = build(schema);
        assertEquals(List.of("categories", "other"), names(plan));
        assertEquals(1, plan.tables().get(0).foreignKeys().size());
    }

    @Test
    void cyclesAreBrokenDeterministicallyBySourceOrder() {
        SourceSchema schema = schema(
                table("c", fk("c_fk", "parentId", "a")),
                table("a", fk("a_fk", "parentId", "b")),
                table("b", fk("b_fk", "parentId", "a")),
                table("d", fk("d_fk", "parentId", "b")));
        List<String> first = names(build(schema));
        assertEquals(List.of("a", "c", "b", "d"), first);
        assertEquals(first, names(build(schema)));
    }

    @Test
    void includeAndExcludeSelectTables() {
        SourceSchema schema = schema(table("a"), table("b"), table("c"));
        assertEquals(List.of("a", "c"),
                names(PlanBuilder.build(schema, new PlanOptions(Set.of(), List.of("c", "a"), List.of()), Set.of())));
        assertEquals(List.of("a", "c"),
                names(PlanBuilder.build(schema, new PlanOptions(Set.of(), List.of(), List.of("b")), Set.of())));
        assertEquals(List.of("a"),
                names(PlanBuilder.build(schema, new PlanOptions(Set.of(), List.of("a", "b"), List.of("b")), Set.of())));
    }

    @Test
    void unknownTableNamesAreBadInputListingTheKnownTables() {
        SourceSchema schema = schema(table("users"), table("parts"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> PlanBuilder.build(schema, new PlanOptions(Set.of(), List.of("user", "parts"), List.of()), Set.of()));
        assertEquals("unknown table in --tables: user (tables: users, parts)", e.getMessage());
        e = assertThrows(BadInputException.class,
                () -> PlanBuilder.build(schema, new PlanOptions(Set.of(), List.of(), List.of("x", "y")), Set.of()));
        assertEquals("unknown tables in --exclude: x, y (tables: users, parts)", e.getMessage());
    }

    @Test
    void unknownJsonColumnsAreBadInput() {
        SourceSchema schema = schema(table("users"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> PlanBuilder.build(schema, new PlanOptions(Set.of("users.meta"), List.of(), List.of()), Set.of()));
        assertTrue(e.getMessage().startsWith("unknown column in --json-columns: users.meta"), e.getMessage());
    }

    @Test
    void foreignKeysToExcludedTablesAreDroppedWithAWarning() {
        SourceSchema schema = schema(table("users"), table("parts", fk("parts_userId_fkey", "parentId", "users")));
        MigrationPlan plan = PlanBuilder.build(schema, new PlanOptions(Set.of(), List.of(), List.of("users")), Set.of());
        assertEquals(List.of("parts"), names(plan));
        assertFalse(plan.tables().get(0).hasForeignKeys());
        assertEquals(List.of("parts: foreign key parts_userId_fkey (parentId) is dropped: its parent table users is "
                + "not migrated"), plan.warnings());
    }

    @Test
    void foreignKeysToTablesMissingFromTheSourceAreNotCreatedWithANote() {
        MigrationPlan plan = build(schema(table("parts", fk(null, "parentId", "ghosts"))));
        assertFalse(plan.tables().get(0).hasForeignKeys());
        assertEquals(List.of(new PlanNote("foreign key", "parts.parentId", "not created",
                "its parent table ghosts does not exist; its rows are copied as they are")), plan.notes());
    }

    @Test
    void columnsAreMappedWithConvertersAndDefaultsInSourceOrder() throws CellRejectedException {
        List<Column> columns = List.of(
                new Column("id", "TEXT", true, null, 1),
                new Column("createdAt", "DATETIME", true, "CURRENT_TIMESTAMP", 0),
                new Column("active", "BOOLEAN", true, "1", 0),
                new Column("role", "TEXT", true, "'BUYER'", 0),
                new Column("meta", "TEXT", false, null, 0),
                new Column("count", "INTEGER", false, "(abs(random()))", 0),
                new Column("big", "INTEGER", false, null, 0));
        Table users = new Table("users", columns, List.of("id"), "users_pkey", null, false, null,
                List.of(new Index("users_role_idx", false, List.of("role"), null, false)), List.of(), "sql");
        MigrationPlan plan = PlanBuilder.build(schema(users), new PlanOptions(Set.of("users.meta"), List.of(), List.of()),
                Set.of("users.big"));
        TargetTable t = plan.table("users").orElseThrow();
        assertEquals(List.of("id", "createdAt", "active", "role", "meta", "count", "big"),
                t.columns().stream().map(TargetColumn::name).toList());
        assertEquals(List.of(TargetType.TEXT, TargetType.TIMESTAMP, TargetType.BOOLEAN, TargetType.TEXT,
                TargetType.JSONB, TargetType.INTEGER, TargetType.BIGINT),
                t.columns().stream().map(c -> c.type().kind()).toList());
        assertEquals("CURRENT_TIMESTAMP", t.columns().get(1).defaultSql());
        assertEquals("true", t.columns().get(2).defaultSql());
        assertEquals("'BUYER'", t.columns().get(3).defaultSql());
        assertNull(t.columns().get(5).defaultSql());
        assertTrue(t.columns().get(0).notNull());
        assertEquals(List.of("users.count: default (abs(random())) is not translated (not a literal value); "
                + "the column gets no default"), plan.warnings());
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5), t.converters().get(1).convert("2024-01-02 03:04:05"));
        assertEquals(Boolean.TRUE, t.converters().get(2).convert(1L));
        assertEquals(3_000_000_000L, t.converters().get(6).convert(3_000_000_000L));
        assertEquals("users_pkey", t.primaryKeyName());
        assertEquals(List.of("id"), t.primaryKey());
        assertEquals(users.indexes(), t.indexes());
        assertEquals(1, plan.skipped().size());
        assertNull(t.sequence());
    }

    @Test
    void rowidAliasBecomesSerialWithItsSequence() {
        Table orders = new Table("orders", List.of(new Column("id", "INTEGER", true, null, 1), col("note", "TEXT")),
                List.of("id"), "orders_pkey", "id", false, 41L, List.of(), List.of(), "sql");
        TargetTable t = build(schema(orders)).tables().get(0);
        assertEquals(new SequencePlan("id", "orders_id_seq", 41L), t.sequence());
        assertTrue(t.columns().get(0).serial());
        assertFalse(t.columns().get(1).serial());
        assertEquals(TargetType.INTEGER, t.columns().get(0).type().kind());
    }

    @Test
    void namesLongerThan63BytesAreShortenedWithAHashAndListed() {
        String long64 = "x".repeat(64);
        String ok63 = "x".repeat(63);
        Table longest = new Table(ok63, List.of(new Column("id", "TEXT", true, null, 1)), List.of("id"), "pk", null,
                false, null, List.of(), List.of(), "sql");
        assertEquals(List.of(ok63), names(build(schema(longest))));
        MigrationPlan plan = build(schema(table(long64), longest));
        String shortened = plan.tables().get(0).name();
        assertEquals(63, shortened.length());
        assertTrue(shortened.startsWith("x".repeat(54) + "_"), shortened);
        assertEquals(shortened, build(schema(table(long64), longest)).tables().get(0).name(), "not deterministic");
        assertEquals(ok63, plan.tables().get(1).name());
        assertTrue(plan.notes().contains(new PlanNote("name", "table " + long64, "renamed to " + shortened,
                "longer than PostgreSQL's 63 bytes")), plan.notes().toString());
        String multiByte = "é".repeat(32); // 64 bytes in 32 characters
        TargetTable t = build(schema(table("t", List.of(new Column("id", "TEXT", true, null, 1), col(multiByte, "TEXT")),
                List.of()))).tables().get(0);
        String column = t.columns().get(1).name();
        assertTrue(column.startsWith("é".repeat(27) + "_") && column.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                .length <= 63, column);
    }

    @Test
    void longNamesThatShareTheirFirst54BytesStayDistinct() {
        String stem = "socialaccount_socialapp_sites_socialapp_id_site_id_71a9a768";
        Table t = new Table("t", List.of(new Column("id", "TEXT", true, null, 1), col("a", "TEXT"), col("b", "TEXT")),
                List.of("id"), "t_pkey", null, false, null, List.of(
                        new Index(stem + "_uniq_one", true, List.of("a"), null, false),
                        new Index(stem + "_uniq_two", false, List.of("b"), null, false),
                        new Index(stem.substring(0, 54) + "_" + "0".repeat(8), false, List.of("b"), null, false)),
                List.of(), "sql");
        List<String> indexNames = build(schema(t)).tables().get(0).indexes().stream().map(Index::name).toList();
        assertEquals(3, Set.copyOf(indexNames).size(), indexNames.toString());
        indexNames.forEach(n -> assertTrue(n.length() <= 63, n));
        assertEquals(stem.substring(0, 54) + "_" + "0".repeat(8), indexNames.get(2), "a name that fits is kept");
    }

    @Test
    void longIndexConstraintForeignKeyAndSequenceNamesAreShortened() {
        String long64 = "i".repeat(64);
        String name30 = "n".repeat(30);
        Table serial = new Table(name30, List.of(new Column(name30, "INTEGER", true, null, 1), col("parentId", "INTEGER")),
                List.of(name30), long64, name30, false, null,
                List.of(new Index(long64 + "x", true, List.of("parentId"), null, false)),
                List.of(new ForeignKey(long64 + "f", List.of("parentId"), name30, List.of(name30), null, null)), "sql");
        MigrationPlan plan = build(schema(serial));
        TargetTable t = plan.tables().get(0);
        for (String name : List.of(t.primaryKeyName(), t.indexes().get(0).name(), t.foreignKeys().get(0).name(),
                t.sequence().sequenceName())) {
            assertTrue(name.length() <= 63, name);
        }
        assertTrue(t.sequence().sequenceName().startsWith(name30 + "_" + name30.substring(0, 23)));
        assertEquals(4, plan.notes().size(), plan.notes().toString());
    }

    @Test
    void aForeignKeyFollowsItsParentsRenamedTableAndColumns() {
        String longTable = "parent_" + "p".repeat(60);
        String longColumn = "key_" + "k".repeat(60);
        Table parent = new Table(longTable, List.of(new Column(longColumn, "TEXT", true, null, 1)), List.of(longColumn),
                "parent_pkey", null, false, null, List.of(), List.of(), "sql");
        Table child = table("child", List.of(new Column("id", "TEXT", true, null, 1), col("parentKey", "TEXT")),
                List.of(new ForeignKey("child_fk", List.of("parentKey"), longTable, List.of(longColumn), null, null)));
        MigrationPlan plan = build(schema(child, parent));
        TargetTable p = plan.tables().get(0);
        ForeignKey fk = plan.tables().get(1).foreignKeys().get(0);
        assertEquals(p.name(), fk.parentTable());
        assertEquals(List.of(p.columns().get(0).name()), fk.parentColumns());
        assertEquals(p.primaryKey(), fk.parentColumns());
    }
}
