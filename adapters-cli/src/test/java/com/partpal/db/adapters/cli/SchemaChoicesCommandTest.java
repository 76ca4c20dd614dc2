package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static com.partpal.db.adapters.cli.MigrateCommandTest.connect;
import static com.partpal.db.adapters.cli.MigrateCommandTest.single;
import static com.partpal.db.adapters.cli.MigrateCommandTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schemas SQLite takes and PostgreSQL would refuse as they are, shaped as Django, Strapi/knex, n8n/TypeORM, Flask
 * and Rails write them: migrate shortens long names, leaves out foreign keys PostgreSQL cannot create (saying so
 * in the dry run and the report) and ends identical, never failing after the load.
 */
class SchemaChoicesCommandTest {
    private static final String DJANGO_INDEX = "socialaccount_socialapp_sites_socialapp_id_site_id_71a9a768_uniq";
    private static final String DJANGO_INDEX_2 = "socialaccount_socialapp_sites_socialapp_id_site_id_71a9a768_idx2";

    @TempDir
    Path dir;

    private CliRun migrate(Path db, PostgresUrl target, String... more) {
        String[] args = {"migrate", "--from", db.toString(), "--to", target.connectionString(),
                "--report", dir.resolve("report.json").toString(), "--rejects", dir.resolve("rejects.jsonl").toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliRun.of(all);
    }

    @Test
    void djangoIndexNamesLongerThan63BytesAreShortenedDistinctlyAndListed() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("django.sqlite3"),
                "CREATE TABLE \"socialaccount_socialapp\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"name\" varchar(40) NOT NULL)",
                "CREATE TABLE \"socialaccount_socialapp_sites\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
                        + " \"socialapp_id\" integer NOT NULL REFERENCES \"socialaccount_socialapp\" (\"id\") DEFERRABLE INITIALLY DEFERRED,"
                        + " \"site_id\" integer NOT NULL)",
                "CREATE UNIQUE INDEX \"" + DJANGO_INDEX + "\" ON \"socialaccount_socialapp_sites\" (\"socialapp_id\", \"site_id\")",
                "CREATE INDEX \"" + DJANGO_INDEX_2 + "\" ON \"socialaccount_socialapp_sites\" (\"site_id\")",
                "INSERT INTO socialaccount_socialapp VALUES (1, 'google')",
                "INSERT INTO socialaccount_socialapp_sites VALUES (1, 1, 1), (2, 1, 2)");
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun dry = migrate(db, target, "--dry-run");
        assertEquals(0, dry.exitCode(), dry.all());
        assertTrue(dry.out().contains("name index " + DJANGO_INDEX + ": renamed to socialaccount_socialapp_sites_socialapp_id_site_id_71a_"),
                dry.out());
        CliRun run = migrate(db, target);
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("verification: identical"), run.all());
        String report = Files.readString(dir.resolve("report.json"));
        assertTrue(report.contains("\"object\":\"index " + DJANGO_INDEX + "\""), report);
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals(2, single(s, "SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'socialaccount_socialapp_sites_socialapp_id_site_id_71a_%'"
                    + " AND length(indexname) = 63"));
            assertEquals(1, single(s, "SELECT count(*) FROM pg_indexes WHERE indexdef LIKE 'CREATE UNIQUE INDEX%socialapp_id, site_id%'"));
        }
    }

    @Test
    void aForeignKeyDeclaredTwiceAsStrapiDoesIsCreatedOnce() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("strapi.db"),
                "CREATE TABLE `admin_users` (`id` integer not null primary key autoincrement, `created_by_id` integer,"
                        + " CONSTRAINT `admin_users_created_by_id_fk` FOREIGN KEY (`created_by_id`) REFERENCES `admin_users` (`id`) ON DELETE SET NULL,"
                        + " CONSTRAINT `admin_users_created_by_id_fk` FOREIGN KEY (`created_by_id`) REFERENCES `admin_users` (`id`) ON DELETE SET NULL)",
                "CREATE INDEX `admin_users_created_by_id_fk` on `admin_users` (`created_by_id`)",
                "INSERT INTO admin_users VALUES (1, NULL), (2, 1)");
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun run = migrate(db, target);
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(Files.readString(dir.resolve("report.json")).contains("\"action\":\"created once\""));
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals(1, single(s, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conname = 'admin_users_created_by_id_fk'"
                    + " AND confdeltype = 'n'"));
            assertEquals(1, single(s, "SELECT count(*) FROM pg_indexes WHERE indexname = 'admin_users_created_by_id_fk'"));
        }
    }

    @Test
    void keysPostgresqlCannotCreateAreLeftOutAndTheRowsKept() throws Exception {
        // n8n: varchar child to an integer parent; Flask: a text column naming an integer id; Rails: a key to a
        // table that is not there; a parent column that is not unique; a parent column that does not exist
        Path db = SqliteFiles.create(dir.resolve("n8n.sqlite"),
                "CREATE TABLE tag_entity (id integer PRIMARY KEY AUTOINCREMENT, name varchar(24) NOT NULL)",
                "CREATE TABLE workflows_tags (workflowId integer NOT NULL, tagId varchar NOT NULL,"
                        + " CONSTRAINT FK_tags FOREIGN KEY (tagId) REFERENCES tag_entity (id) ON DELETE CASCADE,"
                        + " CONSTRAINT FK_name FOREIGN KEY (tagId) REFERENCES tag_entity (name),"
                        + " CONSTRAINT FK_gone FOREIGN KEY (workflowId) REFERENCES workflow_entity (id),"
                        + " CONSTRAINT FK_col FOREIGN KEY (workflowId) REFERENCES tag_entity (uuid),"
                        + " PRIMARY KEY (workflowId, tagId))",
                "INSERT INTO tag_entity VALUES (1, 'a'), (2, 'a')",
                "INSERT INTO workflows_tags VALUES (7, '1'), (8, '99'), (9, 'x')");
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun dry = migrate(db, target, "--dry-run");
        assertEquals(0, dry.exitCode(), dry.all());
        for (String fk : new String[] {"FK_tags", "FK_name", "FK_gone", "FK_col"}) {
            assertTrue(dry.out().contains("foreign key workflows_tags." + fk + ": not created"), dry.out());
        }
        assertTrue(dry.out().contains("which PostgreSQL cannot compare"), dry.out());
        CliRun run = migrate(db, target);
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("verification: identical"), run.all());
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals(3, single(s, "SELECT count(*) FROM workflows_tags"));
            assertEquals(0, single(s, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'"));
            assertEquals("text", text(s, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                    + " WHERE attrelid = 'workflows_tags'::regclass AND attname = 'tagId'"));
        }
    }

    @Test
    void aLongTableAndColumnNameAreRenamedAndVerifyReadsTheSourceUnderItsOwnNames() throws Exception {
        String table = "OrganizationMembershipInvitationAcceptanceAuditTrailEntryForPrismaModel"; // 71 bytes
        String column = "invitationAcceptedByOrganizationAdministratorUserIdentifierValue";        // 65 bytes
        Path db = SqliteFiles.create(dir.resolve("prisma.db"),
                "CREATE TABLE \"" + table + "\" (\"id\" TEXT NOT NULL PRIMARY KEY, \"" + column + "\" TEXT,"
                        + " \"parentId\" TEXT, CONSTRAINT \"" + table + "_parentId_fkey\" FOREIGN KEY (\"parentId\")"
                        + " REFERENCES \"" + table + "\" (\"id\") ON DELETE SET NULL ON UPDATE CASCADE)",
                "INSERT INTO \"" + table + "\" VALUES ('a', 'u1', NULL), ('b', 'u2', 'a'), ('c', 'u3', 'zz')");
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun run = migrate(db, target);
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.out().contains("verification: identical"), run.all());
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            String renamed = text(s, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
            assertTrue(renamed.startsWith(table.substring(0, 54) + "_") && renamed.length() == 63, renamed);
            assertEquals(2, single(s, "SELECT count(*) FROM \"" + renamed + "\""));
            assertEquals(1, single(s, "SELECT count(*) FROM pg_attribute WHERE attrelid = '\"" + renamed
                    + "\"'::regclass AND attname LIKE '" + column.substring(0, 54) + "\\_%'"));
            assertEquals(1, single(s, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confupdtype = 'c'"));
        }
        String rejects = Files.readString(dir.resolve("rejects.jsonl"));
        assertTrue(rejects.contains("\"table\":\"" + table + "\"") && rejects.contains("orphan"), rejects);
    }

    @Test
    void nullsInATextPrimaryKeyAreRejectedWithTheirChildrenNotAFailedKey() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("legacy.db"),
                "CREATE TABLE \"countries\" (\"code\" varchar PRIMARY KEY, \"name\" varchar)",
                "CREATE TABLE \"cities\" (\"id\" integer PRIMARY KEY, \"country_code\" varchar REFERENCES countries (code))",
                "INSERT INTO countries VALUES ('NL', 'Netherlands'), (NULL, 'nowhere'), (NULL, 'limbo')",
                "INSERT INTO cities VALUES (1, 'NL'), (2, NULL)");
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun dry = migrate(db, target, "--dry-run");
        assertTrue(dry.out().contains("primary key countries (code): rows with a NULL in it are rejected"), dry.out());
        CliRun run = migrate(db, target);
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.out().contains("verification: identical"), run.all());
        String rejects = Files.readString(dir.resolve("rejects.jsonl"));
        assertEquals(2, rejects.lines().filter(l -> l.contains("NULL in primary key (code): SQLite allows it,"
                + " PostgreSQL does not")).count(), rejects);
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals(1, single(s, "SELECT count(*) FROM countries"));
            assertEquals(2, single(s, "SELECT count(*) FROM cities"));
            assertEquals(1, single(s, "SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND conrelid = 'countries'::regclass"));
        }
    }
}
