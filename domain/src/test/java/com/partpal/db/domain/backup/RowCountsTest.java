package com.partpal.db.domain.backup;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RowCountsTest {
    @Test
    void reportsEachDifferenceInTableOrder() {
        assertEquals(List.of(), RowCounts.differences(Map.of("a", 1L, "b", 2L), Map.of("b", 2L, "a", 1L)));
        assertEquals(List.of("a: expected 1 rows, found 0", "b: missing after restore (expected 2 rows)",
                        "c: not in the backup's manifest (5 rows)"),
                RowCounts.differences(Map.of("a", 1L, "b", 2L), Map.of("a", 0L, "c", 5L)));
    }
}
