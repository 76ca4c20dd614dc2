package com.partpal.db.application.planted;

/** Planted for PlantedViolationsTest: file I/O in the core. Never used. */
public final class ApplicationReadsAFile {
    boolean exists(java.nio.file.Path path) {
        return java.nio.file.Files.exists(path);
    }
}
