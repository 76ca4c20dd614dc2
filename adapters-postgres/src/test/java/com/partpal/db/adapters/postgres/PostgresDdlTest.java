package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.types.TargetType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresDdlTest {
    private final PostgresDdl ddl = new PostgresDdl("My Schema");
    private final MigrationPlan plan = TestPlans.shop(7L);

    @Test
    void createsTablesWithQuotedNamesSerialSequencesAndDefaults() {
        List<String> users = ddl.createTable(plan.table("Users").orElseThrow(), false);

        assertEquals(List.of(
                "CREATE SEQUENCE IF NOT EXISTS \"My Schema\".\"Users_id_seq\" AS integer",
                "CREATE TABLE IF NOT EXISTS \"My Schema\".\"Users\" (\n"
                        + "    \"id\" integer NOT NULL DEFAULT nextval('\"My Schema\".\"Users_id_seq\"'::regclass),\n"
                        + "    \"E-mail \"\"address\"\"\" text NOT NULL,\n"
                        + "    \"createdAt\" timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
                        + "    \"active\" boolean NOT NULL DEFAULT true\n)",
                "ALTER SEQUENCE \"My Schema\".\"Users_id_seq\" OWNED BY \"My Schema\".\"Users\".\"id\""), users);
    }

    @Test
    void addsTheRowidColumnOnlyWhenAsked() {
        String withRowid = ddl.createTable(plan.table("reviews").orElseThrow(), true).get(0);

        assertTrue(withRowid.endsWith("\"stars\" integer NOT NULL,\n    \"_partpal_rowid\" bigint\n)"), withRowid);
        assertFalse(ddl.createTable(plan.table("reviews").orElseThrow(), false).get(0).contains("_partpal_rowid"));
    }

    @Test
    void buildsKeysAsIndexesThenConstraints() {
        var categories = plan.table("Categories").orElseThrow();

        assertEquals(List.of(
                "CREATE UNIQUE INDEX IF NOT EXISTS \"Categories_pkey\" ON \"My Schema\".\"Categories\" (\"id\")",
                "CREATE UNIQUE INDEX IF NOT EXISTS \"Categories_name_key\" ON \"My Schema\".\"Categories\" (\"name\")"),
                ddl.keyIndexes(categories));
        assertEquals(List.of(
                "ALTER TABLE \"My Schema\".\"Categories\" ADD CONSTRAINT \"Categories_pkey\" PRIMARY KEY USING INDEX \"Categories_pkey\"",
                "ALTER TABLE \"My Schema\".\"Categories\" ADD CONSTRAINT \"Categories_name_key\" UNIQUE USING INDEX \"Categories_name_key\""),
                ddl.keyConstraints(categories));
        assertEquals(List.of("CREATE UNIQUE INDEX IF NOT EXISTS \"Users_E-mail_key\" ON \"My Schema\".\"Users\" "
                + "(\"E-mail \"\"address\"\"\")"), ddl.keyIndexes(plan.table("Users").orElseThrow()).subList(1, 2));
        assertEquals(1, ddl.keyConstraints(plan.table("Users").orElseThrow()).size(), "a plain unique index stays an index");
    }

    @Test
    void rendersPlainAndPartialIndexesAndForeignKeys() {
        var parts = plan.table("Part Items").orElseThrow();

        assertEquals(List.of(
                "CREATE INDEX IF NOT EXISTS \"Part Items_userId_idx\" ON \"My Schema\".\"Part Items\" (\"userId\")",
                "CREATE INDEX IF NOT EXISTS \"Part Items_unsold_idx\" ON \"My Schema\".\"Part Items\" (\"categoryId\") "
                        + "WHERE \"sold\" = false"), ddl.plainIndexes(parts));
        assertEquals("ALTER TABLE \"My Schema\".\"Part Items\" ADD CONSTRAINT \"Part Items_userId_fkey\" FOREIGN KEY "
                        + "(\"userId\") REFERENCES \"My Schema\".\"Users\" (\"id\") ON DELETE CASCADE ON UPDATE CASCADE NOT VALID",
                ddl.addForeignKey(plan, parts, parts.foreignKeys().get(0)));
    }

    @Test
    void theScriptHasEveryStepInOrder() {
        String script = ddl.script(plan);

        int schema = script.indexOf("CREATE SCHEMA IF NOT EXISTS \"My Schema\"");
        int table = script.indexOf("CREATE TABLE IF NOT EXISTS \"My Schema\".\"reviews\"");
        int key = script.indexOf("PRIMARY KEY USING INDEX \"reviews_pkey\"");
        int index = script.indexOf("CREATE INDEX IF NOT EXISTS \"Part Items_userId_idx\"");
        int fk = script.indexOf("VALIDATE CONSTRAINT \"reviews_partId_fkey\"");
        int sequence = script.indexOf("SELECT setval('\"My Schema\".\"Users_id_seq\"', GREATEST(m, 1), m >= 1) FROM "
                + "(SELECT GREATEST(COALESCE(MAX(\"id\"), 0), 7) AS m FROM \"My Schema\".\"Users\") AS current_max;");
        assertTrue(schema >= 0 && schema < table && table < key && key < index && index < fk && fk < sequence, script);
        assertFalse(script.contains("_partpal_rowid"));
    }

    @Test
    void refusesNamesLongerThan63Bytes() {
        String longName = "é".repeat(32);
        MigrationPlan tooLong = new MigrationPlan(List.of(TestPlans.table("t",
                List.of(TestPlans.column(longName, TargetType.TEXT, false)), List.of(), List.of(), List.of(), null)),
                List.of());

        BadInputException e = assertThrows(BadInputException.class, () -> ddl.checkNames(tooLong));
        assertTrue(e.getMessage().contains(longName), e.getMessage());
    }

    @Test
    void refusesUnknownForeignKeyActions() {
        MigrationPlan odd = new MigrationPlan(List.of(TestPlans.table("t", List.of(TestPlans.serial("id")),
                List.of("id"), List.of(), List.of(TestPlans.fk("t", "id", "t", "DROP TABLE x")), null)), List.of());

        assertThrows(BadInputException.class, () -> ddl.script(odd));
    }
}
