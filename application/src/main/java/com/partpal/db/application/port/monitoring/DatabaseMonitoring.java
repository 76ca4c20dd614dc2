package com.partpal.db.application.port.monitoring;

/** What a monitor saw in one database; {@code kind} says which record it is ("postgresql" or "sqlite"). */
public sealed interface DatabaseMonitoring permits PostgresMonitoring, SqliteMonitoring {
    String kind();
}
