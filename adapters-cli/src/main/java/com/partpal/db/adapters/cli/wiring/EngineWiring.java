package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.adapters.postgres.PostgresMonitor;
import com.partpal.db.adapters.postgres.engine.PostgresEngine;
import com.partpal.db.adapters.sqlite.engine.SqliteEngine;
import com.partpal.db.application.engine.DatabaseEngines;
import com.partpal.db.application.engine.EngineConnector;
import com.partpal.db.application.engine.EngineMonitor;
import com.partpal.db.application.port.engine.DatabaseEngine;
import com.partpal.db.application.port.monitoring.DatabaseMonitor;
import com.partpal.db.adapters.cli.backup.DirectUrl;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The database engines, one registration each; everything that opens, backs up or monitors a database goes through
 * {@link DatabaseEngines}. Adding an engine is its module plus one method here.
 */
@Factory
public class EngineWiring {
    @Singleton
    DatabaseEngine postgresEngine(Provider<PostgresMonitor> monitor) {
        return new PostgresEngine(monitor::get, DirectUrl::forSessionWork);
    }

    @Singleton
    DatabaseEngine sqliteEngine() {
        return new SqliteEngine();
    }

    @Singleton
    DatabaseEngines databaseEngines(List<DatabaseEngine> engines) {
        return new DatabaseEngines(engines);
    }

    /** The DatabaseConnector of migrate and plan and the VerifiableDatabaseConnector of verify. */
    @Singleton
    EngineConnector engineConnector(DatabaseEngines engines) {
        return new EngineConnector(engines);
    }

    @Singleton
    DatabaseMonitor databaseMonitor(DatabaseEngines engines) {
        return new EngineMonitor(engines);
    }
}
