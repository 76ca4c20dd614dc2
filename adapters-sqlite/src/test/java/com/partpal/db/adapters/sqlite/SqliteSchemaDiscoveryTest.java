package com.partpal.db.adapters.sqlite;

import com.partpal.db.domain.connection.SqliteLocation;
import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.SkippedObject;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteSchemaDiscoveryTest {
    @TempDir
    static Path dir;
    static SourceSchema edgeCases;

    @BeforeAll
    static void createEdgeCases() {
        Path db = TestDatabases.create(dir.resolve("edge.db"),
                "CREATE TABLE \"Customer Accounts\" (\"Account Id\" INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " \"eMail\" TEXT NOT NULL UNIQUE, `Nick` TEXT CONSTRAINT \"nick_unique\" UNIQUE, [Score] REAL DEFAULT 1.5)",
                "CREATE TABLE orders (\n"
                        + "  region TEXT NOT NULL, -- a comment, with (parens)\n"
                        + "  number INTEGER NOT NULL,\n"
                        + "  customer INTEGER REFERENCES \"Customer Accounts\" ON DELETE SET NULL,\n"
                        + "  note TEXT DEFAULT 'has, commas (and parens) and ''quotes'' PRIMARY KEY',\n"
                        + "  created DATETIME DEFAULT CURRENT_TIMESTAMP /* , CONSTRAINT x UNIQUE (y) */,\n"
                        + "  CONSTRAINT \"orders pk\" PRIMARY KEY (region, number),\n"
                        + "  UNIQUE (customer, created))",
                "CREATE TABLE order_lines (\n"
                        + "  id INTEGER PRIMARY KEY,\n"
                        + "  region TEXT, number INTEGER,\n"
                        + "  sku TEXT CONSTRAINT line_sku_fk REFERENCES products(sku) ON UPDATE CASCADE,\n"
                        + "  qty INT CHECK (qty > 0),\n"
                        + "  total REAL GENERATED ALWAYS AS (qty * 2.5) VIRTUAL,\n"
                        + "  FOREIGN KEY (region, number) REFERENCES orders (region, number) ON DELETE CASCADE,\n"
                        + "  CONSTRAINT \"FK With Space\" FOREIGN KEY (qty) REFERENCES counts(n))",
                "CREATE TABLE products (sku TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID",
                "CREATE TABLE counts (n INTEGER PRIMARY KEY DESC, label TEXT)",
                "CREATE TABLE loose (a int PRIMARY KEY, b)",
                "CREATE TABLE \"_prisma_migrations\" (id TEXT PRIMARY KEY, checksum TEXT)",
                "CREATE INDEX \"orders by note\" ON orders (note) WHERE note IS NOT NULL AND note <> 'x';",
                "CREATE UNIQUE INDEX lower_name ON products (lower(name))",
                "CREATE INDEX plain_idx ON order_lines (sku, qty DESC)",
                "CREATE VIEW big_orders AS SELECT * FROM orders WHERE number > 10",
                "CREATE TRIGGER touch AFTER UPDATE ON orders BEGIN UPDATE orders SET note = 'x' WHERE region = NEW.region; END",
                "CREATE VIRTUAL TABLE docs USING fts5(body)",
                "INSERT INTO \"Customer Accounts\" (\"eMail\") VALUES ('a@x'), ('b@x')",
                "DELETE FROM \"Customer Accounts\" WHERE \"Account Id\" = 2",
                "ANALYZE");
        try (SqliteSourceDatabase source = SqliteSourceDatabase.open(new SqliteLocation(db.toString()))) {
            edgeCases = source.readSchema();
        }
    }

    private static Table table(SourceSchema schema, String name) {
        return schema.table(name).orElseThrow(() -> new AssertionError("no table " + name));
    }

    @Test
    void prismaFixture() {
        SourceSchema schema;
        try (SqliteSourceDatabase source = SqliteSourceDatabase.open(new SqliteLocation(TestDatabases.FIXTURE.toString()))) {
            schema = source.readSchema();
        }
        assertEquals(List.of("users", "refresh_tokens", "sellers", "vehicles", "parts", "categories",
                "analytics_events", "activity_logs"), schema.tables().stream().map(Table::name).toList());
        assertEquals(List.of(), schema.skipped());

        Table users = table(schema, "users");
        assertEquals(List.of("id", "email", "name", "password", "role", "isVerified", "emailVerified", "createdAt", "updatedAt"),
                users.columnNames());
        assertEquals(new Column("role", "TEXT", true, "'BUYER'", 0), users.column("role").orElseThrow());
        assertEquals(new Column("isVerified", "BOOLEAN", true, "false", 0), users.column("isVerified").orElseThrow());
        assertEquals(new Column("emailVerified", "DATETIME", false, null, 0), users.column("emailVerified").orElseThrow());
        assertEquals(new Column("createdAt", "DATETIME", true, "CURRENT_TIMESTAMP", 0), users.column("createdAt").orElseThrow());
        assertEquals(List.of("id"), users.primaryKey());
        assertEquals("users_pkey", users.primaryKeyName());
        assertNull(users.rowidAlias());
        assertFalse(users.withoutRowid());
        assertNull(users.sequenceValue());
        assertEquals(List.of(
                new Index("users_email_key", true, List.of("email"), null, false),
                new Index("users_email_idx", false, List.of("email"), null, false),
                new Index("users_role_idx", false, List.of("role"), null, false),
                new Index("users_isVerified_idx", false, List.of("isVerified"), null, false),
                new Index("users_createdAt_idx", false, List.of("createdAt"), null, false)), users.indexes());

        assertEquals(List.of(
                new ForeignKey("parts_vehicleId_fkey", List.of("vehicleId"), "vehicles", List.of("id"), "CASCADE", "CASCADE"),
                new ForeignKey("parts_sellerId_fkey", List.of("sellerId"), "sellers", List.of("id"), "CASCADE", "CASCADE"),
                new ForeignKey("parts_categoryId_fkey", List.of("categoryId"), "categories", List.of("id"), "SET NULL", "CASCADE")),
                table(schema, "parts").foreignKeys());
        assertEquals(List.of(new ForeignKey("categories_parentId_fkey", List.of("parentId"), "categories", List.of("id"),
                "SET NULL", "CASCADE")), table(schema, "categories").foreignKeys());
        Table sellers = table(schema, "sellers");
        assertEquals(List.of("businessHours", "email"), sellers.columnNames().subList(21, 23));
        assertTrue(sellers.indexes().contains(new Index("sellers_city_province_idx", false, List.of("city", "province"), null, false)));
        assertEquals(List.of(), table(schema, "analytics_events").foreignKeys());
    }

    @Test
    void tablesInCreationOrderWithoutInternalPrismaOrVirtualOnes() {
        assertEquals(List.of("Customer Accounts", "orders", "order_lines", "products", "counts", "loose"),
                edgeCases.tables().stream().map(Table::name).toList());
    }

    @Test
    void skippedObjectsAreListedWithTheirSql() {
        Set<String> skipped = edgeCases.skipped().stream().map(s -> s.kind() + ":" + s.name())
                .filter(s -> !s.equals("table:sqlite_stat4")) // only when the SQLite build has STAT4
                .collect(Collectors.toSet());
        assertEquals(Set.of("table:sqlite_sequence", "table:_prisma_migrations", "table:sqlite_stat1",
                "table:docs", "table:docs_data", "table:docs_idx", "table:docs_content", "table:docs_docsize", "table:docs_config",
                "index:lower_name", "view:big_orders", "trigger:touch", "generated column:order_lines.total",
                "check:order_lines"), skipped);
        SkippedObject view = skippedNamed("big_orders");
        assertEquals("CREATE VIEW big_orders AS SELECT * FROM orders WHERE number > 10", view.sql());
        assertEquals("SELECT * FROM orders WHERE number > 10", view.targetSql(), "the query PostgreSQL is asked to run");
        assertTrue(skippedNamed("touch").sql().startsWith("CREATE TRIGGER touch AFTER UPDATE ON orders BEGIN"));
        assertEquals("CREATE UNIQUE INDEX lower_name ON products (lower(name))", skippedNamed("lower_name").sql());
        assertEquals("total REAL GENERATED ALWAYS AS (qty * 2.5) VIRTUAL", skippedNamed("order_lines.total").sql());
        assertEquals("GENERATED ALWAYS AS (qty * 2.5) STORED", skippedNamed("order_lines.total").targetSql(),
                "a VIRTUAL column is tried as a STORED one (PostgreSQL 12-17 stores every generated column)");
        assertTrue(skippedNamed("docs").sql().startsWith("CREATE VIRTUAL TABLE docs"));
        assertTrue(skippedNamed("_prisma_migrations").reason().contains("Prisma"));
    }

    private static SkippedObject skippedNamed(String name) {
        return edgeCases.skipped().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void quotedNamesAutoincrementAndInlineUniques() {
        Table accounts = table(edgeCases, "Customer Accounts");
        assertEquals(List.of("Account Id", "eMail", "Nick", "Score"), accounts.columnNames());
        assertEquals(List.of("Account Id"), accounts.primaryKey());
        assertEquals("Customer Accounts_pkey", accounts.primaryKeyName());
        assertEquals("Account Id", accounts.rowidAlias());
        assertEquals(2L, accounts.sequenceValue());
        assertEquals("1.5", accounts.column("Score").orElseThrow().defaultSql());
        assertEquals(List.of(
                new Index("Customer Accounts_eMail_key", true, List.of("eMail"), null, true),
                new Index("nick_unique", true, List.of("Nick"), null, true)), accounts.indexes());
    }

    @Test
    void compositeNamedPrimaryKeyUnnamedForeignKeyToParentKeyAndPartialIndex() {
        Table orders = table(edgeCases, "orders");
        assertEquals(List.of("region", "number"), orders.primaryKey());
        assertEquals("orders pk", orders.primaryKeyName());
        assertNull(orders.rowidAlias());
        assertEquals(2, orders.column("number").orElseThrow().pkOrdinal());
        assertEquals("'has, commas (and parens) and ''quotes'' PRIMARY KEY'", orders.column("note").orElseThrow().defaultSql());
        assertEquals(List.of(
                new Index("orders_customer_created_key", true, List.of("customer", "created"), null, true),
                new Index("orders by note", false, List.of("note"), "note IS NOT NULL AND note <> 'x'", false)), orders.indexes());
        assertEquals(List.of(new ForeignKey("orders_customer_fkey", List.of("customer"), "Customer Accounts",
                List.of("Account Id"), "SET NULL", "NO ACTION")), orders.foreignKeys());
    }

    @Test
    void foreignKeysInDeclarationOrderWithTheirNames() {
        Table lines = table(edgeCases, "order_lines");
        assertEquals("id", lines.rowidAlias());
        assertEquals(List.of("id", "region", "number", "sku", "qty", "total"), lines.columnNames());
        assertEquals(List.of(
                new ForeignKey("line_sku_fk", List.of("sku"), "products", List.of("sku"), "NO ACTION", "CASCADE"),
                new ForeignKey("order_lines_region_number_fkey", List.of("region", "number"), "orders",
                        List.of("region", "number"), "CASCADE", "NO ACTION"),
                new ForeignKey("FK With Space", List.of("qty"), "counts", List.of("n"), "NO ACTION", "NO ACTION")),
                lines.foreignKeys());
        assertEquals(List.of(new Index("plain_idx", false, List.of("sku", "qty"), null, false)), lines.indexes());
    }

    @Test
    void rowidAliasOnlyForAnAscendingIntegerPrimaryKeyOfARowidTable() {
        Table products = table(edgeCases, "products");
        assertTrue(products.withoutRowid());
        assertNull(products.rowidAlias());
        assertEquals(List.of(), products.indexes());
        assertNull(table(edgeCases, "counts").rowidAlias());
        Table loose = table(edgeCases, "loose");
        assertNull(loose.rowidAlias());
        assertEquals("", loose.column("b").orElseThrow().declaredType());
        assertNull(table(edgeCases, "orders").sequenceValue());
    }
}
