package com.partpal.db.adapters.files.planted;

/** Planted for PlantedViolationsTest: a file adapter calling the CLI. Never used. */
public final class FilesCallTheCli {
    com.partpal.db.adapters.cli.planted.CliCommand command;
}
