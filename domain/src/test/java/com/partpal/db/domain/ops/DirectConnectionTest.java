package com.partpal.db.domain.ops;

import com.partpal.db.domain.BadInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectConnectionTest {
    private static final String POOLED = "postgresql://app:pw1@127.0.0.1:6432/partpal?pgbouncer=true&connection_limit=4";
    private static final String DIRECT = "postgresql://app:pw1@db:5432/partpal";

    @Test
    void aPgBouncerUrlIsSwappedForTheDirectUrlOfTheSameDatabase() {
        assertEquals(DIRECT, DirectConnection.forSessionWork(POOLED, DIRECT, "migrate"));
        assertEquals(DIRECT, DirectConnection.forSessionWork(DIRECT, null, "migrate"));
        assertEquals("./dev.db", DirectConnection.forSessionWork("./dev.db", null, "migrate"));
    }

    @Test
    void withoutADirectUrlOneLineSaysWhyAndWhatToSet() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> DirectConnection.forSessionWork(POOLED, " ", "backup"));
        assertTrue(e.getMessage().startsWith("postgresql://app:****@127.0.0.1:6432/partpal?"), e.getMessage());
        assertTrue(e.getMessage().contains("backup needs a direct connection") && e.getMessage().contains("set DIRECT_URL"));
        assertFalse(e.getMessage().contains("pw1") || e.getMessage().contains("\n"));
    }

    @Test
    void aDirectUrlThroughPgBouncerOrToAnotherDatabaseIsRefused() {
        assertThrows(BadInputException.class, () -> DirectConnection.forSessionWork(POOLED, POOLED, "migrate"));
        BadInputException other = assertThrows(BadInputException.class,
                () -> DirectConnection.forSessionWork(POOLED, "postgresql://app:pw1@db:5432/other", "migrate"));
        assertTrue(other.getMessage().contains("same one"), other.getMessage());
        assertFalse(other.getMessage().contains("pw1"));
    }
}
