package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.adapters.sqlite.SqliteSampleDatabase;
import com.partpal.db.application.migrate.MigrateUseCase;
import com.partpal.db.application.migrate.PlanUseCase;
import com.partpal.db.application.port.DatabaseConnector;
import com.partpal.db.application.port.SampleDataWriter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The migration use cases and the clock; the engines they open are registered in {@link EngineWiring}. */
@Factory
public class Wiring {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    MigrateUseCase migrateUseCase(DatabaseConnector connector, Clock clock) {
        return new MigrateUseCase(connector, clock);
    }

    @Singleton
    PlanUseCase planUseCase(DatabaseConnector connector) {
        return new PlanUseCase(connector);
    }

    @Singleton
    SampleDataWriter sampleDataWriter() {
        return new SqliteSampleDatabase();
    }
}
