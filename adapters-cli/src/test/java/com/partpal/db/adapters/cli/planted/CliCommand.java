package com.partpal.db.adapters.cli.planted;

/** Planted for PlantedViolationsTest: a front-end class other planted classes point at. Never used. */
public final class CliCommand {
}
