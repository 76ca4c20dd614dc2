package com.partpal.db.application.port.ops;

/** Opens a load target with a pool of {@code connections}. */
@FunctionalInterface
public interface LoadTargets {
    LoadTarget open(String location, int connections);
}
