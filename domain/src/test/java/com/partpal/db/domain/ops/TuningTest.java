package com.partpal.db.domain.ops;

import com.partpal.db.domain.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TuningTest {
    private static Map<String, String> values(List<Tuning.Recommendation> recommendations) {
        return recommendations.stream().collect(Collectors.toMap(Tuning.Recommendation::name, Tuning.Recommendation::value));
    }

    @Test
    void sixteenGigabytesFourCoresSsd() {
        PoolPlan plan = PoolPlan.of(new ServerLimits(100, 3, 0, 4, "--cores"), 2);
        Map<String, String> v = values(Tuning.recommend(Tuning.parseSize("16GB"), Tuning.Storage.SSD, plan));
        assertEquals("26", v.get("max_connections")); // 1.5 * (9 + 5 + 3) = 25.5
        assertEquals("4GB", v.get("shared_buffers"));
        assertEquals("12GB", v.get("effective_cache_size"));
        assertEquals("157MB", v.get("work_mem")); // 12GB / 78 = 157.5MB, whole megabytes
        assertEquals("1GB", v.get("maintenance_work_mem"));
        assertEquals("16MB", v.get("wal_buffers"));
        assertEquals("1.1", v.get("random_page_cost"));
        assertEquals("200", v.get("effective_io_concurrency"));
        assertEquals("2", v.get("max_parallel_workers_per_gather"));
    }

    @Test
    void aSmallHddMachineGetsFloorsAndSpindleCosts() {
        PoolPlan plan = PoolPlan.of(new ServerLimits(100, 3, 0, 1, "--cores"), 1);
        Map<String, String> v = values(Tuning.recommend(Tuning.parseSize("1GB"), Tuning.Storage.HDD, plan));
        assertEquals("20", v.get("max_connections"));
        assertEquals("256MB", v.get("shared_buffers"));
        assertEquals("7864kB", v.get("wal_buffers"));
        assertEquals("12MB", v.get("work_mem")); // 768MB / 60 = 12.8MB
        assertEquals("64MB", v.get("maintenance_work_mem"));
        assertEquals("4", v.get("random_page_cost"));
        assertEquals("2", v.get("effective_io_concurrency"));
        assertThrows(BadInputException.class, () -> Tuning.recommend(Tuning.parseSize("100MB"), Tuning.Storage.SSD, plan));
        assertThrows(BadInputException.class, () -> Tuning.parseSize("lots"));
        assertEquals(512L * 1024 * 1024, Tuning.parseSize("512"));
        Map<String, String> odd = values(Tuning.recommend(24683756L * 1024, Tuning.Storage.SSD, plan));
        assertEquals("6026MB", odd.get("shared_buffers")); // a machine's odd MemTotal: whole megabytes
        assertEquals("18078MB", odd.get("effective_cache_size"));
    }

    @Test
    void theScriptSetsEveryRecommendationAndReloads() {
        PoolPlan plan = PoolPlan.of(new ServerLimits(100, 3, 0, 2, "--cores"), 1);
        List<Tuning.Recommendation> all = Tuning.recommend(Tuning.parseSize("8GB"), Tuning.Storage.SSD, plan);
        String script = Tuning.alterSystemScript(all);
        assertTrue(script.contains("ALTER SYSTEM SET shared_buffers = '2GB';  -- needs a restart\n"), script);
        assertTrue(script.contains("ALTER SYSTEM SET random_page_cost = '1.1';\n"), script);
        assertTrue(script.endsWith("SELECT pg_reload_conf();\n"));
        assertEquals(all.size() + 2, script.lines().count());
    }
}
