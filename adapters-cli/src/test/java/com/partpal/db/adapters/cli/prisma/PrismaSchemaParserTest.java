package com.partpal.db.adapters.cli.prisma;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.prisma.PrismaEnum;
import com.partpal.db.domain.prisma.PrismaField;
import com.partpal.db.domain.prisma.PrismaModel;
import com.partpal.db.domain.prisma.PrismaRelation;
import com.partpal.db.domain.prisma.PrismaSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrismaSchemaParserTest {
    static final String SCHEMA = """
            // PartPal-like
            generator client {
              provider = "prisma-client-js"
            }

            datasource db {
              provider = "postgresql" // switched from sqlite
              url      = env("DATABASE_URL")
            }

            /// a user of the marketplace
            model User {
              id         String    @id @default(cuid())
              email      String    @unique @db.VarChar(255)
              role       Role      @default(BUYER)
              isVerified Boolean   @default(false) @map("is_verified")
              balance    Decimal   @default(0) @db.Decimal(10, 2)
              visits     BigInt?
              settings   Json?
              avatar     Bytes?
              note       String    @default("it's \\"quoted\\" // not a comment")
              createdAt  DateTime  @default(now())
              updatedAt  DateTime  @updatedAt
              tokens     RefreshToken[]

              @@map("users")
            }

            model RefreshToken {
              id        Int      @id @default(autoincrement())
              token     String
              userId    String
              user      User     @relation(fields: [userId], references: [id], onDelete: Cascade, onUpdate: Cascade)
              expiresAt DateTime

              @@unique([userId, token(sort: Desc)])
              @@index([expiresAt])
              @@map("refresh_tokens")
            }

            model Tag {
              a String
              b String
              @@id([a, b])
            }

            enum Role {
              BUYER
              SELLER @map("seller")
              ADMIN
              @@map("user_role")
            }
            """;

    @Test
    void modelsFieldsAndAttributesAreRead() {
        PrismaSchema schema = PrismaSchemaParser.parse(SCHEMA, "schema.prisma");
        assertEquals(List.of("User", "RefreshToken", "Tag"), schema.models().stream().map(PrismaModel::name).toList());
        PrismaModel user = schema.modelForTable("USERS").orElseThrow();
        PrismaField email = user.fieldForColumn("email").orElseThrow();
        assertTrue(email.unique());
        assertEquals("VarChar(255)", email.nativeType());
        PrismaField id = user.fieldForColumn("id").orElseThrow();
        assertTrue(id.id());
        assertEquals("cuid()", id.defaultValue());
        assertEquals("Role", user.fieldForColumn("role").orElseThrow().type());
        assertEquals("BUYER", user.fieldForColumn("role").orElseThrow().defaultValue());
        assertEquals("isVerified", user.fieldForColumn("is_verified").orElseThrow().name());
        assertEquals("Decimal(10, 2)", user.fieldForColumn("balance").orElseThrow().nativeType());
        assertTrue(user.fieldForColumn("visits").orElseThrow().optional());
        assertEquals("\"it's \\\"quoted\\\" // not a comment\"", user.fieldForColumn("note").orElseThrow().defaultValue());
        assertTrue(user.fieldForColumn("updatedAt").orElseThrow().updatedAt());
        PrismaField tokens = user.fields().stream().filter(f -> f.name().equals("tokens")).findFirst().orElseThrow();
        assertTrue(tokens.relation() && tokens.list());
        assertTrue(user.fieldForColumn("tokens").isEmpty(), "a relation field has no column");

        PrismaModel token = schema.modelForTable("refresh_tokens").orElseThrow();
        assertEquals("autoincrement()", token.fieldForColumn("id").orElseThrow().defaultValue());
        assertEquals(List.of(List.of("userId", "token")), token.uniques());
        assertEquals(List.of(List.of("expiresAt")), token.indexes());
        assertFalse(token.fieldForColumn("userId").orElseThrow().relation());
        PrismaField owner = token.fields().stream().filter(f -> f.name().equals("user")).findFirst().orElseThrow();
        assertEquals(new PrismaRelation(List.of("userId"), List.of("id"), "Cascade", "Cascade"), owner.foreignKey());
        assertNull(tokens.foreignKey(), "the back side of a relation holds no foreign key");
        PrismaModel tag = schema.modelForTable("Tag").orElseThrow();
        assertEquals(List.of("a", "b"), tag.id());
        assertNull(tag.dbName());

        PrismaEnum role = schema.enumNamed("Role").orElseThrow();
        assertEquals("user_role", role.typeName());
        assertEquals(List.of("BUYER", "seller", "ADMIN"), role.values());
    }

    @Test
    void anUnclosedBlockIsOneClearError() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> PrismaSchemaParser.parse("model A {\n  id Int @id\n", "x.prisma"));
        assertEquals("x.prisma line 1: the block 'model A {' is not closed", e.getMessage());
    }
}
