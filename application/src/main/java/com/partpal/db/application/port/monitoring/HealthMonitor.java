package com.partpal.db.application.port.monitoring;

/** Reads a PostgreSQL server's health figures; bad input (bad URL, unreachable server) is a BadInputException. */
public interface HealthMonitor {
    HealthFigures health(String location);
}
