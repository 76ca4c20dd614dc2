package com.partpal.db.application.planted;

/** Planted for PlantedViolationsTest: the application naming an adapter. Never used. */
public final class ApplicationOpensSqlite {
    com.partpal.db.adapters.sqlite.planted.SqliteCallsPostgres adapter;
}
