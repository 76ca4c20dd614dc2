package com.partpal.db.adapters.http.planted;

/** Planted for PlantedViolationsTest: the HTTP API naming a database adapter. Never used. */
public final class HttpOpensSqlite {
    com.partpal.db.adapters.sqlite.planted.SqliteCallsPostgres sqlite;
}
