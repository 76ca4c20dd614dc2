package com.partpal.db.planted.cycle.b;

/** Planted for PlantedViolationsTest: the other half of a package cycle. Never used. */
public final class CycleB {
    com.partpal.db.planted.cycle.a.CycleA a;
}
