package com.partpal.db.application.port.monitoring;


import java.time.Duration;
import java.util.Optional;

/** Looks at a running database: whether it answers, and its size, tables, connections and statistics. */
public interface DatabaseMonitor {
    /**
     * Opens a connection within {@code timeout} and runs a trivial query.
     *
     * @return empty when the database answers, else one short reason without password or URL
     */
    Optional<String> ping(String location, Duration timeout);

    /** The database's figures; bad input (bad URL, unreachable server, missing file) is a BadInputException. */
    DatabaseMonitoring inspect(String location);
}
