package com.partpal.db.domain.ops;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatenciesTest {
    @Test
    void nearestRankPercentilesInMilliseconds() {
        long[] nanos = LongStream.rangeClosed(1, 200).map(i -> (201 - i) * 1_000_000L).toArray(); // 200 ms .. 1 ms, unsorted
        Latencies l = Latencies.of("read", nanos);
        assertEquals(200, l.count());
        assertEquals(100.0, l.p50());
        assertEquals(190.0, l.p95());
        assertEquals(198.0, l.p99());
        assertEquals(200.0, l.max());
        assertEquals(200_000_000L, nanos[0], "the samples are not reordered");
    }

    @Test
    void oneOrNoSample() {
        assertEquals(new Latencies("w", 1, 2.5, 2.5, 2.5, 2.5), Latencies.of("w", new long[]{2_500_000}));
        assertEquals(new Latencies("w", 0, 0, 0, 0, 0), Latencies.of("w", new long[0]));
    }
}
