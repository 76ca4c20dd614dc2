package com.partpal.db.application.engine;

import com.partpal.db.application.port.DatabaseConnector;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.application.port.VerifiableDatabaseConnector;
import com.partpal.db.domain.BadInputException;

/** Opens the sides of a migration or a verification through the engine each location belongs to. */
public final class EngineConnector implements DatabaseConnector, VerifiableDatabaseConnector {
    private final DatabaseEngines engines;

    public EngineConnector(DatabaseEngines engines) {
        this.engines = engines;
    }

    @Override
    public SourceDatabase openSource(String location) {
        String given = required(location, "no source given: use --from or set SQLITE_URL");
        return engines.forLocation(given).openSource(given);
    }

    @Override
    public TargetDatabase openTarget(String location) {
        String given = required(location, "no target given: use --to or set POSTGRES_URL or DATABASE_URL");
        return engines.forLocation(given).openTarget(given);
    }

    /** Either side of a verify. */
    @Override
    public VerifiableDatabase open(String location) {
        String given = required(location, "no database given: use --from and --to");
        return engines.forLocation(given).openVerifiable(given);
    }

    private static String required(String location, String message) {
        if (location == null || location.isBlank()) {
            throw new BadInputException(message);
        }
        return location.trim();
    }
}
