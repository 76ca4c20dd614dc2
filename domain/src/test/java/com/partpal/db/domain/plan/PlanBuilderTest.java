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
    void foreignKeysToTablesMissingFromTheSourceAreDroppedToo() {
        MigrationPlan plan = build(schema(table("parts", fk(null, "parentId", "ghosts"))));
        assertFalse(plan.tables().get(0).hasForeignKeys());
        assertEquals(1, plan.warnings().size());
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
    void namesLongerThan63BytesAreBadInput() {
        String long64 = "x".repeat(64);
        String ok63 = "x".repeat(63);
        Table longest = new Table(ok63, List.of(new Column("id", "TEXT", true, null, 1)), List.of("id"), "pk", null,
                false, null, List.of(), List.of(), "sql");
        assertEquals(List.of(ok63), names(build(schema(longest))));
        assertThrows(BadInputException.class, () -> build(schema(table(long64))));
        String multiByte = "é".repeat(32); // 64 bytes in 32 characters
        BadInputException e = assertThrows(BadInputException.class,
                () -> build(schema(table("t", List.of(new Column("id", "TEXT", true, null, 1), col(multiByte, "TEXT")),
                        List.of()))));
        assertEquals("column name t." + multiByte + " is 64 bytes long; PostgreSQL allows 63 (rename it in the "
                + "source first)", e.getMessage());
    }

    @Test
    void longIndexConstraintAndSequenceNamesAreBadInput() {
        String long64 = "i".repeat(64);
        Table withIndex = new Table("t", List.of(new Column("id", "TEXT", true, null, 1)), List.of("id"), "t_pkey",
                null, false, null, List.of(new Index(long64, true, List.of("id"), null, false)), List.of(), "sql");
        assertTrue(assertThrows(BadInputException.class, () -> build(schema(withIndex))).getMessage()
                .startsWith("index name " + long64));
        Table withPk = new Table("t", List.of(new Column("id", "TEXT", true, null, 1)), List.of("id"), long64,
                null, false, null, List.of(), List.of(), "sql");
        assertTrue(assertThrows(BadInputException.class, () -> build(schema(withPk))).getMessage()
                .startsWith("primary key name"));
        Table withFk = table("t", fk(long64, "parentId", "t"));
        assertTrue(assertThrows(BadInputException.class, () -> build(schema(withFk))).getMessage()
                .startsWith("foreign key name"));
        String name30 = "n".repeat(30);
        Table serial = new Table(name30, List.of(new Column(name30, "INTEGER", true, null, 1)), List.of(name30),
                "pk", name30, false, null, List.of(), List.of(), "sql");
        assertTrue(assertThrows(BadInputException.class, () -> build(schema(serial))).getMessage()
                .startsWith("sequence name " + name30 + "_" + name30 + "_seq is 65 bytes"));
    }
}
