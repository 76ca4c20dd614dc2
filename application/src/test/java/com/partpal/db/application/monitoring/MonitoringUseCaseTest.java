package com.partpal.db.application.monitoring;

import com.partpal.db.application.port.monitoring.DatabaseMonitor;
import com.partpal.db.application.port.monitoring.DatabaseMonitoring;
import com.partpal.db.application.port.monitoring.SqliteMonitoring;
import com.partpal.db.domain.BadInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonitoringUseCaseTest {
    private static final String UP_URL = "postgresql://app:s3cret-pw@db:5432/app";
    private static final String DOWN_URL = "postgresql://app:s3cret-pw@gone:5432/app";

    /** Answers for UP_URL and SQLite files, fails for anything else with a message quoting the location. */
    private static final class FakeMonitor implements DatabaseMonitor {
        final List<String> inspected = new ArrayList<>();

        @Override
        public Optional<String> ping(String location, Duration timeout) {
            if (location.equals(UP_URL) || location.endsWith(".db")) {
                return Optional.empty();
            }
            throw new IllegalStateException("cannot reach " + location);
        }

        @Override
        public DatabaseMonitoring inspect(String location) {
            inspected.add(location);
            return new SqliteMonitoring(SqliteMonitoring.KIND, location, 0, 0, 0, 0, List.of());
        }
    }

    private static ConfiguredDatabases configured(String... nameThenLocation) {
        Map<String, String> databases = new LinkedHashMap<>();
        for (int i = 0; i < nameThenLocation.length; i += 2) {
            databases.put(nameThenLocation[i], nameThenLocation[i + 1]);
        }
        return new ConfiguredDatabases(databases);
    }

    @Test
    void readinessIsUpWhenEveryConfiguredDatabaseAnswers() {
        Readiness readiness = new MonitoringUseCase(new FakeMonitor(), configured("main", UP_URL, "sqlite", "dev.db"))
                .readiness();
        assertTrue(readiness.up());
        assertEquals(List.of(new Readiness.DatabaseStatus("main", "UP", null),
                new Readiness.DatabaseStatus("sqlite", "UP", null)), readiness.databases());
    }

    @Test
    void oneDatabaseDownMakesReadinessDownWithItsReasonWithoutItsUrl() {
        Readiness readiness = new MonitoringUseCase(new FakeMonitor(), configured("main", UP_URL, "replica", DOWN_URL))
                .readiness();
        assertFalse(readiness.up());
        assertEquals("DOWN", readiness.status());
        assertEquals(new Readiness.DatabaseStatus("replica", "DOWN", "cannot reach replica"), readiness.databases().get(1));
    }

    @Test
    void inspectResolvesAConfiguredNameElseTakesTheLocationAndRefusesABlankOne() {
        FakeMonitor monitor = new FakeMonitor();
        MonitoringUseCase useCase = new MonitoringUseCase(monitor, configured("main", UP_URL));
        useCase.inspect("main");
        useCase.inspect(" other.db ");
        assertEquals(List.of(UP_URL, "other.db"), monitor.inspected);
        BadInputException none = assertThrows(BadInputException.class, () -> useCase.inspect(" "));
        assertTrue(none.getMessage().startsWith("no database given: a configured name [main]"), none.getMessage());
    }
}
