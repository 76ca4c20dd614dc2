package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static com.partpal.db.adapters.cli.MigrateCommandTest.connect;
import static com.partpal.db.adapters.cli.MigrateCommandTest.single;
import static com.partpal.db.adapters.cli.MigrateCommandTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --prisma-schema on a copy of PartPal's own SQLite file (../shared/fixtures/partpal-dev.db, its schema made by Prisma)
 * with the app's schema.prisma switched to PostgreSQL: the target gets the types, enum types, defaults and names
 * Prisma's PostgreSQL provider creates, read back from the catalogue; a value outside its enum is rejected.
 */
class PrismaSchemaCommandTest {
    private static final List<Path> PARTPAL = List.of(Path.of("../../shared/fixtures/partpal-dev.db"),
            Path.of("/work/shared/fixtures/partpal-dev.db"));
    private static final String SCHEMA = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            enum Role {
              BUYER
              SELLER
              ADMIN
            }

            enum PartStatus {
              AVAILABLE
              RESERVED
              SOLD @map("sold")
            }

            model User {
              id            String    @id @default(cuid())
              email         String    @unique
              name          String
              password      String
              role          Role      @default(BUYER)
              isVerified    Boolean   @default(false)
              emailVerified DateTime?
              createdAt     DateTime  @default(now())
              updatedAt     DateTime  @updatedAt
              tokens        RefreshToken[]

              @@index([email])
              @@index([role])
              @@map("users")
            }

            model RefreshToken {
              id        String   @id @default(uuid())
              token     String   @unique
              userId    String
              user      User     @relation(fields: [userId], references: [id], onDelete: Cascade)
              expiresAt DateTime
              createdAt DateTime @default(now())

              @@map("refresh_tokens")
            }

            model Part {
              id                    String     @id @default(cuid())
              vehicleId             String
              sellerId              String
              name                  String
              partNumber            String?    @db.VarChar(20)
              description           String
              condition             String
              price                 Decimal    @db.Decimal(10, 2)
              currency              String     @default("ZAR") @db.Char(3)
              status                PartStatus @default(AVAILABLE)
              location              String
              images                Json
              isListedOnMarketplace Boolean    @default(false)
              categoryId            String?
              createdAt             DateTime   @default(now())
              updatedAt             DateTime   @updatedAt

              @@map("parts")
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theTargetIsWhatPrismasPostgresqlProviderCreates() throws Exception {
        Path db = partpalCopy();
        SqliteFiles.create(db,
                "INSERT INTO users VALUES ('u1', 'ann@x', 'Ann', 'pw', 'SELLER', 1, NULL, 1700000000000, 1700000000000),"
                        + " ('u2', 'bob@x', 'Bob', 'pw', 'BUYER', 0, NULL, 0, 0),"
                        + " ('u3', 'cy@x', 'Cy', 'pw', 'SUPERUSER', 0, NULL, 0, 0)",
                "INSERT INTO refresh_tokens VALUES ('t1', 'tok1', 'u1', 1800000000000, 1700000000000),"
                        + " ('t3', 'tok3', 'u3', 1800000000000, 1700000000000)",
                "INSERT INTO sellers (id, userId, businessName, businessType, updatedAt, street, city, province,"
                        + " postalCode, phone) VALUES ('s1', 'u1', 'Yard', 'SCRAPYARD', 0, 'Main', 'Durban', 'KZN', '4001', '031')",
                "INSERT INTO vehicles (id, vin, year, make, model, condition, acquisitionDate, sellerId, updatedAt)"
                        + " VALUES ('v1', 'VIN1', 2010, 'VW', 'Polo', 'used', 0, 's1', 0)",
                "INSERT INTO parts (id, vehicleId, sellerId, name, description, condition, price, status, location,"
                        + " images, updatedAt) VALUES ('p1', 'v1', 's1', 'Door', 'Left door', 'good', 1234.5, 'sold', 'A1',"
                        + " '[]', 0), ('p2', 'v1', 's1', 'Hood', 'Hood', 'good', 99.99, 'LOST', 'A2', '[]', 0)");
        Path schema = Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        PostgresUrl target = SharedPostgres.freshDatabase();

        CliRun plan = CliRun.of("plan", "--from", db.toString(), "--prisma-schema", schema.toString());
        assertEquals(0, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("source is Prisma-made: --prisma-schema given"), plan.out());
        assertTrue(plan.out().contains("sellers: no model of --prisma-schema is stored in it"), plan.out());

        Path rejects = dir.resolve("rejects.jsonl");
        CliRun run = CliRun.of("migrate", "--from", db.toString(), "--to", target.connectionString(),
                "--prisma-schema", schema.toString(), "--rejects", rejects.toString(), "--report",
                dir.resolve("r.json").toString());
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.out().contains("verification: identical"), run.all());
        List<String> lines = Files.readAllLines(rejects);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"table\":\"users\"") && l.contains(
                "not a value of enum Role (BUYER, SELLER, ADMIN): 'SUPERUSER'")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"table\":\"parts\"") && l.contains(
                "not a value of enum PartStatus (AVAILABLE, RESERVED, sold): 'LOST'")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"table\":\"refresh_tokens\"") && l.contains("orphan")),
                lines.toString());

        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals("BUYER,SELLER,ADMIN", text(s, "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder)"
                    + " FROM pg_enum WHERE enumtypid = '\"Role\"'::regtype"));
            assertEquals("AVAILABLE,RESERVED,sold", text(s, "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder)"
                    + " FROM pg_enum WHERE enumtypid = '\"PartStatus\"'::regtype"));
            assertEquals("id text, email text, name text, password text, role \"Role\", isVerified boolean,"
                    + " emailVerified timestamp(3) without time zone, createdAt timestamp(3) without time zone,"
                    + " updatedAt timestamp(3) without time zone", columns(s, "users"));
            assertEquals("partNumber character varying(20), price numeric(10,2), currency character(3),"
                    + " status \"PartStatus\", images jsonb", columns(s, "parts").replaceAll(
                    "(id|vehicleId|sellerId|name|description|condition|location|categoryId) text, ", "")
                    .replaceAll(", isListedOnMarketplace boolean, createdAt timestamp\\(3\\) without time zone,"
                            + " updatedAt timestamp\\(3\\) without time zone", ""));
            assertEquals("role='BUYER'::\"Role\" isVerified=false createdAt=CURRENT_TIMESTAMP", defaults(s, "users"));
            assertEquals("currency='ZAR'::bpchar status='AVAILABLE'::\"PartStatus\" isListedOnMarketplace=false"
                    + " createdAt=CURRENT_TIMESTAMP", defaults(s, "parts"));
            // Prisma makes @unique a unique index, not a constraint
            assertEquals(2, single(s, "SELECT count(*) FROM pg_indexes WHERE indexdef LIKE 'CREATE UNIQUE INDEX %'"
                    + " AND indexname IN ('users_email_key', 'refresh_tokens_token_key')"));
            assertEquals("refresh_tokens_pkey refresh_tokens_userId_fkey users_pkey",
                    text(s, "SELECT string_agg(conname, ' ' ORDER BY conname) FROM pg_constraint"
                            + " WHERE conrelid IN ('users'::regclass, 'refresh_tokens'::regclass)"));
            assertEquals(2, single(s, "SELECT count(*) FROM pg_indexes WHERE indexname IN ('users_email_idx', 'users_role_idx')"));
            assertEquals("1234.50 sold", text(s, "SELECT price || ' ' || status FROM parts"));
            assertEquals("2023-11-14 22:13:20", text(s, "SELECT \"createdAt\"::text FROM users WHERE id = 'u1'"));
        }
    }

    @Test
    void aMissingOrEmptySchemaFileIsOneLineAndExitTwo() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("a.db"), "CREATE TABLE a (id INTEGER PRIMARY KEY)");
        CliRun missing = CliRun.of("plan", "--from", db.toString(), "--prisma-schema", dir.resolve("none.prisma").toString());
        assertEquals(2, missing.exitCode(), missing.all());
        assertEquals("error: --prisma-schema " + dir.resolve("none.prisma") + ": no such file", missing.err().strip());
        Path empty = Files.writeString(dir.resolve("empty.prisma"), "// nothing\n");
        CliRun noModel = CliRun.of("plan", "--from", db.toString(), "--prisma-schema", empty.toString());
        assertEquals(2, noModel.exitCode(), noModel.all());
        assertTrue(noModel.err().contains("no model in it"), noModel.all());
    }

    /** A copy of PartPal's file; where the fixture is not at hand, the sample command's PartPal schema, emptied. */
    private Path partpalCopy() throws Exception {
        Path db = dir.resolve("partpal.db");
        for (Path fixture : PARTPAL) {
            if (Files.isRegularFile(fixture)) {
                return Files.copy(fixture, db);
            }
        }
        assertEquals(0, CliRun.of("sample", db.toString(), "--rows", "1").exitCode());
        return SqliteFiles.create(db, "PRAGMA foreign_keys = OFF", "DELETE FROM activity_logs", "DELETE FROM analytics_events",
                "DELETE FROM parts", "DELETE FROM categories", "DELETE FROM vehicles", "DELETE FROM sellers",
                "DELETE FROM refresh_tokens", "DELETE FROM users");
    }

    private static String columns(Statement s, String table) throws Exception {
        return text(s, "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum)"
                + " FROM pg_attribute WHERE attrelid = '" + table + "'::regclass AND attnum > 0 AND NOT attisdropped");
    }

    private static String defaults(Statement s, String table) throws Exception {
        return text(s, "SELECT string_agg(a.attname || '=' || pg_get_expr(d.adbin, d.adrelid), ' ' ORDER BY a.attnum)"
                + " FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
                + " WHERE d.adrelid = '" + table + "'::regclass");
    }
}
