package com.partpal.db.adapters.cli.planted;

/** Planted for PlantedViolationsTest: a command opening a database adapter itself. Never used. */
public final class CommandOpensSqlite {
    com.partpal.db.adapters.sqlite.planted.SqliteCallsPostgres sqlite;
}
