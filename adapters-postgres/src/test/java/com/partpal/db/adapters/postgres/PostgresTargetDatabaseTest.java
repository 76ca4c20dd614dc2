package com.partpal.db.adapters.postgres;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.application.port.OnExisting;
import com.partpal.db.application.port.Orphan;
import com.partpal.db.application.port.TableLoader;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.plan.MigrationPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresTargetDatabaseTest {
    private static final java.time.LocalDateTime CREATED = java.time.LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_000_000);
    private PostgresUrl url;
    private PostgresTargetDatabase target;

    @BeforeEach
    void connect() {
        url = SharedPostgres.freshDatabase().withSchema("Shop Data");
        target = PostgresTargetDatabase.open(url);
    }

    @AfterEach
    void close() {
        target.close();
    }

    private void load(MigrationPlan plan, String table, Object[]... rows) {
        try (TableLoader loader = target.openLoader(plan.table(table).orElseThrow())) {
            long rowid = 1;
            for (Object[] row : rows) {
                loader.add(rowid++, row);
            }
            assertEquals(rows.length, loader.finish());
        }
    }

    private void loadShop(MigrationPlan plan) {
        load(plan, "Users", new Object[]{1L, "a@x", CREATED, true}, new Object[]{2L, "b@x", CREATED, false},
                new Object[]{5L, "c@x", CREATED, true});
        // users 3 and 4 are missing: everything hanging off them is an orphan
        load(plan, "Categories", new Object[]{1L, null, "root"}, new Object[]{2L, 1L, "child"},
                new Object[]{3L, 99L, "lost"}, new Object[]{4L, 3L, "under lost"}, new Object[]{5L, 4L, "deeper"});
        load(plan, "Part Items", new Object[]{10L, 1L, 2L, new java.math.BigDecimal("9.99"), false},
                new Object[]{11L, 3L, 1L, null, null}, new Object[]{12L, 2L, 5L, null, true},
                new Object[]{13L, 5L, null, null, null});
        load(plan, "reviews", new Object[]{10L, 1L, 5L}, new Object[]{11L, 2L, 4L}, new Object[]{12L, 4L, 1L},
                new Object[]{13L, 5L, 3L});
    }

    /** What migrate runs after the loads, table by table (orphans of all tables checked together). */
    private List<Orphan> keysOrphansIndexesAndFinish(MigrationPlan plan, int jobs) {
        plan.tables().forEach(table -> assertEquals(List.of(), target.buildKeys(table)));
        plan.tables().forEach(target::analyze);
        List<Orphan> orphans = target.removeOrphans(plan, plan.tables());
        plan.tables().forEach(table -> table.indexes().stream().filter(index -> !index.unique())
                .forEach(index -> target.buildIndex(table, index)));
        target.finish(plan, jobs);
        return orphans;
    }

    private void createTablesFor(MigrationPlan plan) {
        target.createTables(plan, OnExisting.FAIL);
    }

    @Test
    void migratesAPlanEndToEndAndLeavesOnlyMigratedObjects() throws SQLException {
        MigrationPlan plan = TestPlans.shop(41L);
        createTablesFor(plan);
        loadShop(plan);

        List<Orphan> orphans = keysOrphansIndexesAndFinish(plan, 2);

        Set<String> removed = orphans.stream().map(o -> o.table() + "#" + o.rowid() + " via " + o.foreignKey().name())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of(
                "Categories#3 via Categories_parentId_fkey",
                "Categories#4 via Categories_parentId_fkey",
                "Categories#5 via Categories_parentId_fkey",
                "Part Items#2 via Part Items_userId_fkey",
                "Part Items#3 via Part Items_categoryId_fkey",
                "reviews#2 via reviews_partId_fkey",
                "reviews#3 via reviews_userId_fkey")), removed);
        assertEquals(orphans.size(), removed.size(), "each row is reported once");

        assertEquals(List.of("1", "2"), column("SELECT id FROM \"Shop Data\".\"Categories\" ORDER BY id"));
        assertEquals(List.of("10", "13"), column("SELECT id FROM \"Shop Data\".\"Part Items\" ORDER BY id"));
        assertEquals(List.of("10,1", "13,5"),
                column("SELECT \"partId\" || ',' || \"userId\" FROM \"Shop Data\".reviews ORDER BY 1"));

        assertEquals(new TreeSet<>(List.of(
                        "Categories", "Categories_id_seq", "Categories_name_key", "Categories_pkey",
                        "Part Items", "Part Items_id_seq", "Part Items_pkey", "Part Items_unsold_idx",
                        "Part Items_userId_idx", "Users", "Users_E-mail_key", "Users_id_seq", "Users_pkey",
                        "reviews", "reviews_pkey")),
                new TreeSet<>(column("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = 'Shop Data' AND c.relkind <> 't'")));
        assertEquals(List.of(
                        "Categories_name_key u true", "Categories_parentId_fkey f true", "Categories_pkey p true",
                        "Part Items_categoryId_fkey f true", "Part Items_pkey p true", "Part Items_userId_fkey f true",
                        "Users_pkey p true", "reviews_partId_fkey f true", "reviews_pkey p true", "reviews_userId_fkey f true"),
                column("SELECT conname || ' ' || contype::text || ' ' || convalidated FROM pg_constraint co "
                        + "JOIN pg_namespace n ON n.oid = co.connamespace WHERE n.nspname = 'Shop Data' AND contype <> 'n' "
                        + "ORDER BY 1"));
        assertEquals(List.of("0"), column("SELECT count(*) FROM pg_attribute WHERE attname = '_partpal_rowid' "
                + "AND NOT attisdropped"));
        assertEquals(List.of("FOREIGN KEY (\"userId\") REFERENCES \"Users\"(id) ON UPDATE CASCADE ON DELETE CASCADE"),
                column("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'Part Items_userId_fkey'"));

        // nextval = max(max(id), sqlite_sequence) + 1
        assertEquals(List.of("42"), column("SELECT nextval('\"Shop Data\".\"Users_id_seq\"')"));
        assertEquals(List.of("3"), column("SELECT nextval('\"Shop Data\".\"Categories_id_seq\"')"));
        assertEquals(List.of("14"), column("SELECT nextval('\"Shop Data\".\"Part Items_id_seq\"')"));
        assertEquals(List.of("\"Shop Data\".\"Users_id_seq\""),
                column("SELECT pg_get_serial_sequence('\"Shop Data\".\"Users\"', 'id')"), "the sequence is owned by the column");
        assertEquals(List.of("t"), column("SELECT count(*) > 0 FROM pg_stats WHERE schemaname = 'Shop Data'"));
    }

    @Test
    void anEmptySerialTableStartsAtOneAndDefaultsApply() throws SQLException {
        MigrationPlan plan = TestPlans.shop(null);
        createTablesFor(plan);
        keysOrphansIndexesAndFinish(plan, 1);

        execute("INSERT INTO \"Shop Data\".\"Users\" (\"E-mail \"\"address\"\"\") VALUES ('new@x')");
        assertEquals(List.of("1 true true"), column("SELECT id || ' ' || active || ' ' || "
                + "(abs(extract(epoch FROM \"createdAt\" - (now() AT TIME ZONE 'UTC'))) < 60) FROM \"Shop Data\".\"Users\""));
    }

    @Test
    void failRefusesNonEmptyTablesBeforeWritingAnything() throws SQLException {
        MigrationPlan plan = TestPlans.shop(null);
        createTablesFor(plan);
        load(plan, "reviews", new Object[]{1L, 1L, 5L});
        load(plan, "Categories", new Object[]{1L, null, "root"});
        execute("CREATE TABLE \"Shop Data\".unrelated (x int)");

        BadInputException e = assertThrows(BadInputException.class, () -> target.createTables(plan, OnExisting.FAIL));

        assertEquals("target tables are not empty: \"Categories\", \"reviews\" in " + url.masked()
                + " (use --on-existing truncate or drop)", e.getMessage());
        assertEquals(Map.of("Users", 0L, "Categories", 1L, "Part Items", 0L, "reviews", 1L),
                rowCounts(List.of("Users", "Categories", "Part Items", "reviews", "absent")));
        assertEquals(List.of("Users", "reviews"), target.existingTables(List.of("Users", "absent", "reviews", "unrelated x")));
    }

    @Test
    void failReplacesEmptyTablesAndDropReplacesFullOnes() throws SQLException {
        MigrationPlan plan = TestPlans.shop(null);
        execute("CREATE SCHEMA \"Shop Data\"");
        execute("CREATE TABLE \"Shop Data\".\"Users\" (legacy int)");
        target.createTables(plan, OnExisting.FAIL);
        assertEquals(List.of("4"), column("SELECT count(*) FROM information_schema.columns "
                + "WHERE table_schema = 'Shop Data' AND table_name = 'Users' AND column_name <> '_partpal_rowid'"));

        load(plan, "Users", new Object[]{1L, "a@x", CREATED, true});
        target.createTables(plan, OnExisting.DROP);
        assertEquals(Map.of("Users", 0L), rowCounts(List.of("Users")));
    }

    @Test
    void truncateKeepsExistingTablesAndEmptiesThem() throws SQLException {
        MigrationPlan plan = TestPlans.shop(null);
        target.createTables(plan, OnExisting.FAIL);
        loadShop(plan);
        keysOrphansIndexesAndFinish(plan, 2);
        execute("COMMENT ON TABLE \"Shop Data\".\"Users\" IS 'kept'");

        target.createTables(plan, OnExisting.TRUNCATE);
        assertEquals(Map.of("Users", 0L, "Categories", 0L, "Part Items", 0L, "reviews", 0L),
                rowCounts(List.of("Users", "Categories", "Part Items", "reviews")));
        loadShop(plan);
        assertEquals(7, keysOrphansIndexesAndFinish(plan, 2).size());

        assertEquals(List.of("kept"), column("SELECT obj_description('\"Shop Data\".\"Users\"'::regclass)"));
        assertEquals(List.of("10"), column("SELECT count(*) FROM pg_constraint co JOIN pg_namespace n "
                + "ON n.oid = co.connamespace WHERE n.nspname = 'Shop Data' AND contype <> 'n'"));
    }

    @Test
    void aWrongPasswordGivesOneLineWithoutIt() {
        String secret = "Wr0ng-" + url.password();
        PostgresUrl wrong = PostgresUrl.parse("postgresql://postgres:" + secret + "@127.0.0.1:" + url.port() + "/"
                + url.database());

        BadInputException e = assertThrows(BadInputException.class, () -> PostgresTargetDatabase.open(wrong));

        assertFalse(e.getMessage().contains(secret), e.getMessage());
        assertFalse(e.getMessage().contains(url.password()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
        assertTrue(e.getMessage().contains("postgresql://postgres:****@127.0.0.1"), e.getMessage());
    }

    @Test
    void aMissingDatabaseAndAClosedPortAreBadInput() {
        BadInputException missing = assertThrows(BadInputException.class,
                () -> PostgresTargetDatabase.open(url.withDatabase("no_such_db")));
        assertTrue(missing.getMessage().contains("\"no_such_db\" does not exist"), missing.getMessage());

        PostgresUrl closed = PostgresUrl.parse("postgresql://u:hunter22@127.0.0.1:1/db?connect_timeout=2");
        BadInputException refused = assertThrows(BadInputException.class, () -> PostgresTargetDatabase.open(closed));
        assertTrue(refused.getMessage().startsWith("cannot connect to PostgreSQL at postgresql://u:****@127.0.0.1:1/db"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("hunter22"));
    }

    @Test
    void renderDdlDescribesWithoutTouchingTheDatabase() throws SQLException {
        String script = target.renderDdl(TestPlans.shop(null));

        assertTrue(script.contains("CREATE SCHEMA IF NOT EXISTS \"Shop Data\""));
        assertEquals(List.of("0"), column("SELECT count(*) FROM pg_namespace WHERE nspname = 'Shop Data'"));
        assertEquals("postgresql://postgres:****@127.0.0.1:" + url.port() + "/" + url.database() + "?schema=Shop%20Data",
                target.describe());
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = PostgresPools.connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Row counts of those of the tables that exist in the target schema. */
    private Map<String, Long> rowCounts(List<String> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : target.existingTables(tables)) {
            counts.put(table, Long.parseLong(column("SELECT count(*) FROM \"Shop Data\".\"" + table + "\"").get(0)));
        }
        return counts;
    }

    private List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = PostgresPools.connect(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
