package com.partpal.db.application.migrate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriorityPoolTest {
    @Test
    void waitingStepsRunByPriorityThenRankThenArrival() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(6);
        try (PriorityPool pool = new PriorityPool(1, "test")) {
            pool.at(0, 0).execute(() -> {
                started.countDown();
                await(release);
            });
            assertTrue(started.await(5, TimeUnit.SECONDS));
            pool.at(3, 0).execute(record(ran, all, "index of the first table"));
            pool.at(1, 1).execute(record(ran, all, "keys of the second table"));
            pool.at(3, 1).execute(record(ran, all, "index of the second table, first"));
            pool.at(3, 1).execute(record(ran, all, "index of the second table, second"));
            pool.at(1, 0).execute(record(ran, all, "keys of the first table"));
            pool.at(0, 5).execute(record(ran, all, "a load"));
            release.countDown();
            assertTrue(all.await(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of("a load", "keys of the first table", "keys of the second table", "index of the first table",
                "index of the second table, first", "index of the second table, second"), ran);
    }

    private static Runnable record(List<String> ran, CountDownLatch all, String step) {
        return () -> {
            ran.add(step);
            all.countDown();
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
