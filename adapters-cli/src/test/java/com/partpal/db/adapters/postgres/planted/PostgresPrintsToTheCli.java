package com.partpal.db.adapters.postgres.planted;

/** Planted for PlantedViolationsTest: a database adapter calling a front end. Never used. */
public final class PostgresPrintsToTheCli {
    com.partpal.db.adapters.cli.planted.CliCommand command;
}
