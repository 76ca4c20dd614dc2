package com.partpal.db.domain.backup;

import com.partpal.db.domain.BadInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PgVersionTest {
    @Test
    void readsToolVersions() {
        PgVersion debian = PgVersion.fromToolOutput("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n");
        assertEquals(150018, debian.number());
        assertEquals("15", debian.majorLabel());
        PgVersion old = PgVersion.fromToolOutput("pg_dump (PostgreSQL) 9.6.24");
        assertEquals(90624, old.number());
        assertEquals("9.6", old.majorLabel());
        assertEquals("9.6.24", old.toString());
        assertEquals(160000, PgVersion.fromToolOutput("pg_dump (PostgreSQL) 16devel").number());
    }

    @Test
    void readsServerVersionNum() {
        assertEquals("15.19", PgVersion.fromServerVersionNum("150019").toString());
        assertEquals(906, PgVersion.fromServerVersionNum("90624").major());
        assertThrows(BadInputException.class, () -> PgVersion.fromServerVersionNum("fifteen"));
    }

    @Test
    void olderMajorCannotDumpNewerServer() {
        PgVersion server15 = PgVersion.fromServerVersionNum("150019");
        assertFalse(PgVersion.fromToolOutput("pg_dump (PostgreSQL) 9.6.24").canDump(server15));
        assertFalse(PgVersion.fromToolOutput("pg_dump (PostgreSQL) 14.2").canDump(server15));
        assertTrue(PgVersion.fromToolOutput("pg_dump (PostgreSQL) 15.1").canDump(server15));
        assertTrue(PgVersion.fromToolOutput("pg_dump (PostgreSQL) 17.0").canDump(server15));
        assertTrue(PgVersion.fromToolOutput("pg_dump (PostgreSQL) 10.0").canDump(PgVersion.fromServerVersionNum("90624")));
    }

    @Test
    void garbageIsOneClearLine() {
        BadInputException e = assertThrows(BadInputException.class, () -> PgVersion.fromToolOutput("bash: oops\nmore"));
        assertEquals("cannot read a PostgreSQL version from: bash: oops", e.getMessage());
    }
}
