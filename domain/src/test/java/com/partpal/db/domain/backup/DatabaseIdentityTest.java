package com.partpal.db.domain.backup;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseIdentityTest {
    private static final String SYSTEM = "7312345678901234567";

    @Test
    void everyNameOfOneServerIsOneDatabaseWhenItsSystemIdentifierIsKnown() {
        DatabaseIdentity byAddress = DatabaseIdentity.postgres(SYSTEM, "127.0.0.1", 5432, "shop");
        for (DatabaseIdentity other : new DatabaseIdentity[]{
                DatabaseIdentity.postgres(SYSTEM, "localhost", 5432, "shop"),
                DatabaseIdentity.postgres(SYSTEM, "::1", 5432, "shop"),
                DatabaseIdentity.postgres(SYSTEM, "DB.Example.COM", 6432, "shop")}) {
            assertEquals(byAddress.key(), other.key(), other.host());
            assertTrue(byAddress.sameDatabase(other), other.host());
        }
        assertEquals("localhost", DatabaseIdentity.postgres(SYSTEM, "localhost", 5432, "shop").host(), "kept as given");
    }

    @Test
    void anotherDatabaseOrServerIsNotTheSameWhateverItsAddress() {
        DatabaseIdentity shop = DatabaseIdentity.postgres(SYSTEM, "127.0.0.1", 5432, "shop");
        assertFalse(shop.sameDatabase(DatabaseIdentity.postgres(SYSTEM, "127.0.0.1", 5432, "blog")));
        DatabaseIdentity rebuilt = DatabaseIdentity.postgres("7399999999999999999", "127.0.0.1", 5432, "shop");
        assertFalse(shop.sameDatabase(rebuilt));
        assertNotEquals(shop.key(), rebuilt.key());
    }

    @Test
    void withoutASystemIdentifierTheAddressAsWrittenIsTheKeyAsBefore() {
        DatabaseIdentity unknown = DatabaseIdentity.postgres(null, "DB", 5432, "shop");
        assertEquals("postgres://db:5432/shop", unknown.key());
        assertEquals(unknown.key(), unknown.addressKey());
        assertTrue(unknown.sameDatabase(DatabaseIdentity.postgres(SYSTEM, "db", 5432, "shop")),
                "one side unknown: compared by address");
        assertFalse(unknown.sameDatabase(DatabaseIdentity.postgres(null, "localhost", 5432, "shop")));
        assertEquals("sqlite:/srv/app.db", DatabaseIdentity.sqlite("/srv/app.db").key());
    }
}
