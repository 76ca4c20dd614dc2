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
import static com.partpal.db.adapters.cli.MigrateCommandTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --prisma-schema on a hand-made SQLite file whose constraint and index names are not Prisma's: the target gets the
 * names Prisma's PostgreSQL provider gives them (map: arguments honoured, long names cut to 63 bytes as Prisma cuts
 * them), so that prisma migrate diff finds no renamed index.
 */
class PrismaConstraintNamesTest {
    private static final String LONG_TABLE = "OrganizationMembershipInvitation";
    private static final String LONG_COLUMN = "invitedByEmailAddressNormalized";
    private static final String SCHEMA = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            model Team {
              id    Int    @id(map: "team_primary")
              name  String @unique(map: "team_name_unique")
              users User[]
            }

            model User {
              id          Int     @id
              email       String  @unique
              teamId      Int?    @map("team_id")
              team        Team?   @relation(fields: [teamId], references: [id], map: "user_team_fk")
              displayName String?
              createdBy   Int?
              creator     User?   @relation("creator", fields: [createdBy], references: [id])
              created     User[]  @relation("creator")

              @@index([displayName])
              @@unique([teamId, displayName])
            }

            model OrganizationMembershipInvitation {
              id                              Int    @id
              invitedByEmailAddressNormalized String @unique
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aHandMadeFileGetsPrismasNames() throws Exception {
        Path db = SqliteFiles.create(dir.resolve("hand.db"),
                "CREATE TABLE Team (id INTEGER NOT NULL, name TEXT NOT NULL, CONSTRAINT pk_team PRIMARY KEY (id))",
                "CREATE UNIQUE INDEX uq_team_name ON Team (name)",
                "CREATE TABLE User (id INTEGER NOT NULL PRIMARY KEY, email TEXT NOT NULL, team_id INTEGER,"
                        + " displayName TEXT, createdBy INTEGER,"
                        + " CONSTRAINT fk_user_team FOREIGN KEY (team_id) REFERENCES Team (id) ON DELETE SET NULL,"
                        + " FOREIGN KEY (createdBy) REFERENCES User (id))",
                "CREATE UNIQUE INDEX email_unique ON User (email)",
                "CREATE INDEX ix_user_display ON User (displayName)",
                "CREATE UNIQUE INDEX ux_team_display ON User (team_id, displayName)",
                "CREATE TABLE " + LONG_TABLE + " (id INTEGER NOT NULL PRIMARY KEY, " + LONG_COLUMN + " TEXT NOT NULL)",
                "CREATE UNIQUE INDEX inv_email ON " + LONG_TABLE + " (" + LONG_COLUMN + ")",
                "INSERT INTO Team VALUES (1, 'red')",
                "INSERT INTO User VALUES (1, 'a@x', 1, 'Ann', NULL), (2, 'b@x', NULL, 'Bob', 1)",
                "INSERT INTO " + LONG_TABLE + " VALUES (1, 'a@x')");
        Path schema = Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        CliRun plan = CliRun.of("plan", "--from", db.toString(), "--prisma-schema", schema.toString());
        assertEquals(0, plan.exitCode(), plan.all());
        assertTrue(plan.out().contains("unique index User.email_unique: renamed to User_email_key"), plan.out());

        PostgresUrl target = SharedPostgres.freshDatabase();
        IdenticalMigration.report(db, target, dir.resolve("r.json"), "--prisma-schema", schema.toString());
        String longKey = (LONG_TABLE + "_" + LONG_COLUMN).substring(0, 59) + "_key";
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            assertEquals(longKey + ",OrganizationMembershipInvitation_pkey,User_displayName_idx,User_email_key,User_pkey,"
                            + "User_team_id_displayName_key,team_name_unique,team_primary",
                    text(s, "SELECT string_agg(indexname, ',' ORDER BY indexname COLLATE \"C\") FROM pg_indexes"
                            + " WHERE schemaname = 'public'"));
            assertEquals("User_createdBy_fkey,user_team_fk", text(s, "SELECT string_agg(conname, ',' ORDER BY conname"
                    + " COLLATE \"C\") FROM pg_constraint WHERE contype = 'f'"));
        }
    }
}
