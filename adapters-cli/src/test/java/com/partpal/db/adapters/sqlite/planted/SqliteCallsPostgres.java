package com.partpal.db.adapters.sqlite.planted;

/** Planted for PlantedViolationsTest: one database adapter using another. Never used. */
public final class SqliteCallsPostgres {
    com.partpal.db.adapters.postgres.planted.PostgresPrintsToTheCli postgres;
}
