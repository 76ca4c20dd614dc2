package com.partpal.db.domain.plan;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Prisma's cut of a long constraint name: at most 63 bytes, never inside a character. */
class PrismaConstraintNamesTruncationTest {
    @Test
    void namesAreCutAsPrismaCutsThem() {
        assertEquals("User_email_key", PrismaConstraintNames.truncated("User_email", "_key"));
        String stem59 = "a".repeat(59);
        assertEquals(stem59 + "_key", PrismaConstraintNames.truncated(stem59, "_key"));
        assertEquals(stem59 + "_idx", PrismaConstraintNames.truncated(stem59 + "bcd", "_idx"));
        assertEquals("t".repeat(58) + "_pkey", PrismaConstraintNames.truncated("t".repeat(70), "_pkey"));
        // two-byte characters: a cut at 58 bytes keeps 29 of them; at 59 it would split the 30th, so 29 as well
        assertEquals("ä".repeat(29) + "_fkey", PrismaConstraintNames.truncated("ä".repeat(30), "_fkey"));
        String cut = PrismaConstraintNames.truncated("ä".repeat(40), "_key");
        assertEquals("ä".repeat(29) + "_key", cut);
        assertEquals(62, cut.getBytes(StandardCharsets.UTF_8).length);
    }
}
