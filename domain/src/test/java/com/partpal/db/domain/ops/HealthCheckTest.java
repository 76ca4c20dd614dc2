package com.partpal.db.domain.ops;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.ops.HealthCheck.Measurement;
import com.partpal.db.domain.ops.HealthCheck.Status;
import com.partpal.db.domain.ops.HealthCheck.Threshold;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthCheckTest {
    private static final Threshold T = new Threshold(10, 100);

    @Test
    void levelsAreInclusiveAndAMissingFigureTakesItsOwnStatus() {
        assertEquals(Status.OK, new Measurement("x", 9.9, T, null, Status.OK).status());
        assertEquals(Status.WARNING, new Measurement("x", 10.0, T, null, Status.OK).status());
        assertEquals(Status.CRITICAL, new Measurement("x", 100.0, T, null, Status.OK).status());
        assertEquals(Status.OK, new Measurement("x", null, T, "no replicas", Status.OK).status());
        assertEquals(Status.CRITICAL, new Measurement("x", null, T, "no backup", Status.CRITICAL).status());
    }

    @Test
    void theNagiosLineNamesWhatIsWrongWorstFirstWithPerfdata() {
        List<Measurement> all = List.of(new Measurement("a_ratio", 0.5, new Threshold(0.8, 0.9), null, Status.OK),
                new Measurement("b_seconds", 20.0, T, "pid 7", Status.OK),
                new Measurement("c_hours", 120.0, T, null, Status.OK),
                new Measurement("backup_age_hours", null, T, "no backup of app", Status.CRITICAL));
        assertEquals(Status.CRITICAL, HealthCheck.worst(all));
        assertEquals(HealthCheck.Status.CRITICAL, HealthCheck.worst(all));
        assertEquals("PARTPAL-DB CRITICAL - c_hours 120 >= 100; backup_age_hours none (no backup of app);"
                + " b_seconds 20 >= 10 (pid 7) | a_ratio=0.500;0.800;0.900 b_seconds=20;10;100 c_hours=120;10;100",
                HealthCheck.nagios("PARTPAL-DB", all));
        assertEquals("PARTPAL-DB OK - 1 checks ok | a_ratio=0.500;0.800;0.900",
                HealthCheck.nagios("PARTPAL-DB", all.subList(0, 1)));
    }

    @Test
    void overridesReplaceDefaultsAndBadOnesAreOneLine() {
        Map<String, Threshold> t = HealthCheck.thresholds(List.of("backup_age_hours=1:2"));
        assertEquals(new Threshold(1, 2), t.get("backup_age_hours"));
        assertEquals(HealthCheck.DEFAULTS.get("xid_age"), t.get("xid_age"));
        assertTrue(assertThrows(BadInputException.class, () -> HealthCheck.thresholds(List.of("nope=1:2")))
                .getMessage().startsWith("unknown threshold 'nope'"));
        assertThrows(BadInputException.class, () -> HealthCheck.thresholds(List.of("xid_age=5")));
        assertThrows(BadInputException.class, () -> HealthCheck.thresholds(List.of("xid_age=a:b")));
        assertThrows(BadInputException.class, () -> HealthCheck.thresholds(List.of("xid_age=9:1")));
    }
}
