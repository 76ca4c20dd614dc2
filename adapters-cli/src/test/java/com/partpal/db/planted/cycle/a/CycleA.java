package com.partpal.db.planted.cycle.a;

/** Planted for PlantedViolationsTest: half of a package cycle. Never used. */
public final class CycleA {
    com.partpal.db.planted.cycle.b.CycleB b;
}
