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
 * --prisma-schema into a target that already has the enum type with other values (an older deploy): without
 * --on-existing drop the run is refused in one line before writing; with it the type is named, dropped and created
 * with the schema.prisma's values.
 */
class PrismaEnumReplaceTest {
    private static final String SCHEMA = """
            datasource db {
              provider = "sqlite"
              url      = "file:./dev.db"
            }

            enum Role {
              BUYER
              SELLER
            }

            model User {
              id   String @id
              role Role   @default(BUYER)

              @@map("users")
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aDifferingEnumTypeIsRefusedWithoutDropAndReplacedWithDrop() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("dev.db"),
                "CREATE TABLE \"users\" (\"id\" TEXT NOT NULL PRIMARY KEY, \"role\" TEXT NOT NULL DEFAULT 'BUYER')",
                "INSERT INTO users VALUES ('u1', 'SELLER'), ('u2', 'BUYER')");
        Path schema = Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        PostgresUrl target = SharedPostgres.freshDatabase();
        for (String onExisting : new String[] {"fail", "truncate"}) {
            try (Connection c = connect(target); Statement s = c.createStatement()) {
                if (onExisting.equals("fail")) { // the type alone: no table to refuse the run first
                    s.execute("CREATE TYPE \"Role\" AS ENUM ('BUYER', 'ADMIN')");
                } else {
                    s.execute("CREATE TABLE users (id text PRIMARY KEY, role \"Role\")");
                    s.execute("INSERT INTO users VALUES ('old', 'ADMIN')");
                }
            }
            CliRun refused = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(),
                    "--prisma-schema", schema.toString(), "--on-existing", onExisting,
                    "--report", dir.resolve("r.json").toString());
            assertEquals(2, refused.exitCode(), refused.all());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertTrue(refused.err().startsWith("error: enum type \"Role\" already exists in "), refused.err());
            assertTrue(refused.err().contains(" with values (BUYER, ADMIN), the schema.prisma has (BUYER, SELLER);"
                    + " use --on-existing drop to replace it"), refused.err());
            assertTrue(!refused.err().contains(target.password()), refused.err());
        }
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals("BUYER,ADMIN", text(s, "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum"
                    + " WHERE enumtypid = '\"Role\"'::regtype"));
            assertEquals("old", text(s, "SELECT string_agg(id, ',') FROM users"), "nothing truncated or written");
        }

        CliRun replaced = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(),
                "--prisma-schema", schema.toString(), "--on-existing", "drop", "--report", dir.resolve("r.json").toString());
        assertEquals(0, replaced.exitCode(), replaced.all());
        assertTrue(replaced.out().contains("--on-existing drop: dropping and creating again table \"users\","
                + " enum type \"Role\" (BUYER, ADMIN)"), replaced.out());
        assertTrue(replaced.out().contains("verification: identical"), replaced.all());
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals("BUYER,SELLER", text(s, "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum"
                    + " WHERE enumtypid = '\"Role\"'::regtype"));
            assertEquals(1, single(s, "SELECT count(*) FROM pg_type WHERE typname = 'Role'"));
            assertEquals("u1 SELLER,u2 BUYER", text(s, "SELECT string_agg(id || ' ' || role::text, ',' ORDER BY id) FROM users"));
        }
    }
}
