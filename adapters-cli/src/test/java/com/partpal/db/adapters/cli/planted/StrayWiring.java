package com.partpal.db.adapters.cli.planted;

/** Planted for PlantedViolationsTest: a *Wiring outside the composition root's package. Never used. */
public final class StrayWiring {
}
