package com.partpal.db.adapters.cli.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GcLogTest {
    @TempDir
    Path dir;

    @Test
    void thePeakIsTheLargestOccupancyAnyCollectionSaw() throws Exception {
        Path log = Files.writeString(dir.resolve("gc.log"), String.join("\n",
                "[0.010s][info][gc] Using G1",
                "[0.512s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 23M->4M(256M) 3.456ms",
                "[1.020s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 131M->60M(256M) 5.1ms",
                "[1.030s][info][gc] GC(2) Concurrent Mark Cycle",
                "[2.040s][info][gc] GC(3) Pause Full (G1 Compaction Pause) 88M->12M(256M) 20.2ms", ""));
        assertEquals(131, GcLog.peakHeapMb(log));
        assertEquals(-1, GcLog.peakHeapMb(dir.resolve("missing.log")));
    }
}
