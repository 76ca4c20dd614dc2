package com.partpal.db.domain.verify;

import com.partpal.db.domain.BadInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotBaselineTest {
    @Test
    void readsEachTablesChecksumAndHighestRowidFromAMigrateReport() {
        SnapshotBaseline b = SnapshotBaseline.fromMigrateReport("{\"snapshotAt\":\"2026-12-03T10:00:00Z\","
                + "\"verification\":{\"tables\":[{\"table\":\"parts\",\"sourceChecksum\":\"00ff\",\"sourceMaxRowid\":42},"
                + "{\"table\":\"old\",\"sourceChecksum\":\"0a0b\"}]}}", "r.json");
        assertEquals("2026-12-03T10:00:00Z", b.snapshotAt());
        assertEquals(new SnapshotBaseline.Table("00ff", 42L), b.table("parts").orElseThrow());
        assertNull(b.table("old").orElseThrow().highestRowid(), "a report written before the rowid was recorded");
        assertTrue(b.table("missing").isEmpty());
    }

    @Test
    void aReportWithoutSnapshotOrVerificationIsOneLine() {
        assertEquals("not a migrate report: r.json (no snapshotAt)", assertThrows(BadInputException.class,
                () -> SnapshotBaseline.fromMigrateReport("{\"tables\":[]}", "r.json")).getMessage());
        assertTrue(assertThrows(BadInputException.class, () -> SnapshotBaseline.fromMigrateReport("{\"snapshotAt\":null}",
                "r.json")).getMessage().startsWith("r.json records no source snapshot"));
        assertTrue(assertThrows(BadInputException.class, () -> SnapshotBaseline.fromMigrateReport("not json", "r.json"))
                .getMessage().startsWith("not a migrate report: r.json ("));
    }
}
