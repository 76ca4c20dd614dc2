package com.partpal.db.application.port;

/**
 * Opens either side of a verification from the location a user typed (SQLite path or URL, PostgreSQL URL); bad
 * locations raise BadInputException with one clear, masked line.
 */
@FunctionalInterface
public interface VerifiableDatabaseConnector {
    VerifiableDatabase open(String location);
}
