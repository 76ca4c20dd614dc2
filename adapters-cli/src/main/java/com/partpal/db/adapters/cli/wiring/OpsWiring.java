package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.adapters.files.FileBackupCatalog;
import com.partpal.db.adapters.postgres.PostgresHealthReader;
import com.partpal.db.adapters.postgres.PostgresLoadTarget;
import com.partpal.db.adapters.postgres.PostgresServerFacts;
import com.partpal.db.application.monitoring.ConfiguredDatabases;
import com.partpal.db.application.monitoring.HealthUseCase;
import com.partpal.db.application.port.monitoring.HealthMonitor;
import com.partpal.db.application.ops.LoadTestUseCase;
import com.partpal.db.application.ops.PoolingUseCase;
import com.partpal.db.application.ops.TuneUseCase;
import com.partpal.db.application.port.ops.ServerFacts;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Operations commands: pool plans, tuning, load tests. */
@Factory
public class OpsWiring {
    @Singleton
    ServerFacts serverFacts() {
        return new PostgresServerFacts();
    }

    @Singleton
    PoolingUseCase poolingUseCase(ServerFacts facts) {
        return new PoolingUseCase(facts);
    }

    @Singleton
    HealthMonitor healthMonitor() {
        return new PostgresHealthReader();
    }

    @Singleton
    HealthUseCase healthUseCase(HealthMonitor monitor, ConfiguredDatabases configured, Clock clock) {
        return new HealthUseCase(monitor, configured, FileBackupCatalog::new, BackupWiring.defaultDirectory(), clock,
                java.nio.file.Files::isDirectory);
    }

    @Singleton
    LoadTestUseCase loadTestUseCase() {
        return new LoadTestUseCase(PostgresLoadTarget::open);
    }

    @Singleton
    TuneUseCase tuneUseCase(ServerFacts facts) {
        return new TuneUseCase(facts);
    }
}
