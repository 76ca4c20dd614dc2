package com.partpal.db.application.port;

/**
 * Opens databases from the locations users type (SQLite paths and URLs, PostgreSQL URLs). Bad locations,
 * missing or non-SQLite files and unreachable servers raise BadInputException with one clear, masked line.
 */
public interface DatabaseConnector {
    SourceDatabase openSource(String location);

    TargetDatabase openTarget(String location);
}
