package com.partpal.db.adapters.postgres;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run state's schema is named after the target schema, within PostgreSQL's 63 bytes and the same every run. */
class RunStateStoreNameTest {
    @Test
    void publicAndShortSchemasKeepReadableNames() {
        assertEquals("partpal_db_state", RunStateStore.schemaName("public"));
        assertEquals("partpal_db_state_app", RunStateStore.schemaName("app"));
    }

    @Test
    void aLongSchemaGetsAShortenedNameThatFitsIsStableAndDistinct() {
        String longSchema = "tenant_" + "ä".repeat(30) + "_a";
        String name = RunStateStore.schemaName(longSchema);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 63, name);
        assertTrue(name.startsWith("partpal_db_state_"), name);
        assertEquals(name, RunStateStore.schemaName(longSchema));
        assertNotEquals(name, RunStateStore.schemaName("tenant_" + "ä".repeat(30) + "_b"));
    }
}
