package com.partpal.db.application.engine;

import com.partpal.db.application.port.monitoring.DatabaseMonitor;
import com.partpal.db.application.port.monitoring.DatabaseMonitoring;

import java.time.Duration;
import java.util.Optional;

/** Monitors a location with the monitor of the engine it belongs to. */
public final class EngineMonitor implements DatabaseMonitor {
    private final DatabaseEngines engines;

    public EngineMonitor(DatabaseEngines engines) {
        this.engines = engines;
    }

    @Override
    public Optional<String> ping(String location, Duration timeout) {
        return engines.forLocation(location).monitor().ping(location, timeout);
    }

    @Override
    public DatabaseMonitoring inspect(String location) {
        return engines.forLocation(location).monitor().inspect(location);
    }
}
