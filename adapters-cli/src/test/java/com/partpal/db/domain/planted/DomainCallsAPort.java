package com.partpal.db.domain.planted;

/** Planted for PlantedViolationsTest: the domain reaching up into the application. Never used. */
public final class DomainCallsAPort {
    com.partpal.db.application.planted.ApplicationReadsAFile port;
}
