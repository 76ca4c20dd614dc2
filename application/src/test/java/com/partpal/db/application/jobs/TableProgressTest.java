package com.partpal.db.application.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TableProgressTest {
    @Test
    void rateIsRowsDoneOverElapsedAndEtaIsTheRowsLeftAtThatRate() {
        TableProgress p = TableProgress.measure("parts", 10_000, 2_500, false, Duration.ofSeconds(5));
        assertEquals(500.0, p.rowsPerSecond());
        assertEquals(15L, p.etaSeconds());
    }

    @Test
    void etaRoundsUpAndRateKeepsOneDecimal() {
        TableProgress p = TableProgress.measure("parts", 1_000, 333, false, Duration.ofMillis(1_500));
        assertEquals(222.0, p.rowsPerSecond());
        // 667 rows left at 222 rows/s: 3.004... s, shown as 4 so the ETA is never optimistic
        assertEquals(4L, p.etaSeconds());
        assertEquals(6.7, TableProgress.measure("t", 100, 20, false, Duration.ofSeconds(3)).rowsPerSecond());
    }

    @Test
    void unknownBeforeTimePassesOrRowsArriveAndZeroOnceFinished() {
        TableProgress atStart = TableProgress.measure("parts", 100, 0, false, Duration.ZERO);
        assertNull(atStart.rowsPerSecond());
        assertNull(atStart.etaSeconds());
        TableProgress stalled = TableProgress.measure("parts", 100, 0, false, Duration.ofSeconds(2));
        assertEquals(0.0, stalled.rowsPerSecond());
        assertNull(stalled.etaSeconds());
        TableProgress done = TableProgress.measure("parts", 100, 100, true, Duration.ofSeconds(4));
        assertEquals(25.0, done.rowsPerSecond());
        assertEquals(0L, done.etaSeconds());
        assertEquals(0L, TableProgress.measure("empty", 0, 0, true, Duration.ZERO).etaSeconds());
    }
}
