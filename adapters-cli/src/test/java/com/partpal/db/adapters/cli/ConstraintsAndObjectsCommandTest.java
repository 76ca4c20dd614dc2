package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static com.partpal.db.adapters.cli.MigrateCommandTest.connect;
import static com.partpal.db.adapters.cli.MigrateCommandTest.single;
import static com.partpal.db.adapters.cli.MigrateCommandTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Constraints and objects beyond tables: deferrable foreign keys with their actions, CHECK constraints and views
 * (kept when PostgreSQL runs them, else reported with its reason), triggers and generated columns reported with
 * their SQL, WITHOUT ROWID and STRICT tables.
 */
class ConstraintsAndObjectsCommandTest {
    @TempDir
    Path dir;

    @Test
    void djangoDeferrableKeysKeepTheirDeferralAndActions() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("db.sqlite3"),
                "CREATE TABLE \"auth_user\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"username\" varchar(150) NOT NULL UNIQUE)",
                "CREATE TABLE \"blog_post\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
                        + " \"author_id\" integer NOT NULL REFERENCES \"auth_user\" (\"id\") DEFERRABLE INITIALLY DEFERRED,"
                        + " \"editor_id\" integer NULL REFERENCES \"auth_user\" (\"id\") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE,"
                        + " \"reviewer_id\" integer NULL REFERENCES \"auth_user\" (\"id\") NOT DEFERRABLE)",
                "INSERT INTO auth_user VALUES (1, 'ann')", "INSERT INTO blog_post VALUES (1, 1, 1, NULL)");
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun dry = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(), "--dry-run");
        assertTrue(dry.out().contains("ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED"), dry.out());
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(),
                "--report", dir.resolve("r.json").toString());
        assertEquals(0, run.exitCode(), run.all());
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals("true true", text(s, "SELECT condeferrable || ' ' || condeferred FROM pg_constraint"
                    + " WHERE contype = 'f' AND conkey = ARRAY[(SELECT attnum FROM pg_attribute WHERE attrelid = 'blog_post'::regclass AND attname = 'author_id')]"));
            assertEquals("true false n c", text(s, "SELECT condeferrable || ' ' || condeferred || ' ' || confdeltype::text || ' ' || confupdtype::text"
                    + " FROM pg_constraint WHERE contype = 'f' AND conkey = ARRAY[(SELECT attnum FROM pg_attribute"
                    + " WHERE attrelid = 'blog_post'::regclass AND attname = 'editor_id')]"));
            assertEquals(1, single(s, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND NOT condeferrable"));
            c.setAutoCommit(false);
            s.execute("INSERT INTO blog_post VALUES (2, 99, NULL, NULL)"); // deferred: checked at commit only
            assertThrows(SQLException.class, c::commit);
        }
    }

    @Test
    void checksAndViewsArePortedWhenPostgresqlRunsThemAndOthersAreReported() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("shop.db"),
                "CREATE TABLE [Products] ([ProductID] INTEGER PRIMARY KEY, [ProductName] TEXT NOT NULL,"
                        + " [UnitPrice] NUMERIC DEFAULT 0 CHECK ([UnitPrice] >= 0),"
                        + " \"Code\" TEXT, CONSTRAINT code_shape CHECK (Code GLOB '[A-Z]*'),"
                        + " CONSTRAINT name_len CHECK (length(ProductName) > 0))",
                "CREATE TABLE `Orders` (`OrderID` INTEGER PRIMARY KEY, `ProductID` INTEGER REFERENCES Products, `Qty` INTEGER,"
                        + " `Total` REAL GENERATED ALWAYS AS (Qty * 2.5) STORED) STRICT",
                "CREATE TABLE tags (name TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID",
                "CREATE VIEW [Expensive Products] AS SELECT ProductName, UnitPrice FROM Products WHERE UnitPrice > 10",
                "CREATE VIEW order_lines AS SELECT o.OrderID, p.ProductName FROM [Expensive Products] e"
                        + " JOIN Products p ON p.ProductName = e.ProductName JOIN Orders o ON o.ProductID = p.ProductID",
                "CREATE VIEW recent AS SELECT * FROM Orders WHERE datetime('now') > '2000'",
                "CREATE TRIGGER orders_audit AFTER INSERT ON Orders BEGIN UPDATE tags SET n = n + 1; END",
                "INSERT INTO Products VALUES (1, 'Tea', 12, 'TEA'), (2, 'Salt', 1, 'SALT')",
                "INSERT INTO Orders (OrderID, ProductID, Qty) VALUES (1, 1, 2)",
                "INSERT INTO tags VALUES ('x', 1)");
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun dry = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(), "--dry-run");
        assertTrue(dry.out().contains("tried on PostgreSQL after the load"), dry.out());
        assertTrue(dry.out().contains("view Expensive Products: SELECT \"ProductName\", \"UnitPrice\" FROM \"Products\""
                + " WHERE \"UnitPrice\" > 10"), dry.out());
        assertTrue(dry.out().contains("trigger orders_audit: triggers are not copied"), dry.out());
        assertTrue(dry.out().contains("generated column Orders.Total"), dry.out());
        String json = IdenticalMigration.report(db, target, dir.resolve("r.json"));
        assertTrue(json.contains("{\"kind\":\"view\",\"object\":\"recent\",\"action\":\"not created\",\"reason\":"
                + "\"PostgreSQL: function datetime(unknown) does not exist\"}"), json);
        assertTrue(json.contains("\"kind\":\"check\",\"object\":\"Products CONSTRAINT \\\"code_shape\\\" CHECK (\\\"Code\\\" GLOB"
                + " '[A-Z]*')\",\"action\":\"not created\""), json);
        assertTrue(json.contains("CREATE TRIGGER orders_audit"), json);
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals(2, single(s, "SELECT count(*) FROM pg_constraint WHERE contype = 'c' AND conrelid = '\"Products\"'::regclass"));
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO \"Products\" VALUES (3, 'Bad', -1, 'B')"));
            assertEquals(1, single(s, "SELECT count(*) FROM \"Expensive Products\""));
            assertEquals(1, single(s, "SELECT count(*) FROM order_lines"));
            assertEquals(0, single(s, "SELECT count(*) FROM pg_views WHERE viewname = 'recent'"));
            assertEquals(5.0, Double.parseDouble(text(s, "SELECT \"Total\" FROM \"Orders\"")), "generated values copied");
            assertEquals(1, single(s, "SELECT count(*) FROM tags"));
        }
    }
}
