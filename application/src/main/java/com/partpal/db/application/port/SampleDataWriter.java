package com.partpal.db.application.port;

import java.nio.file.Path;
import java.util.Map;

/** Writes a new SQLite database with the PartPal schema and realistic, deterministic data (for demos and benchmarks). */
public interface SampleDataWriter {
    /**
     * Creates {@code out} (which must not exist yet): the same rows for the same arguments, on every machine.
     *
     * @param rowsPerLargeTable rows in each of the two large tables (parts, analytics_events); the other tables get
     *                          proportionally fewer
     * @param dirty             also plant a few bad values of different kinds, so the rejects path is visible
     * @return rows written per table, in creation order
     */
    Map<String, Long> write(Path out, int rowsPerLargeTable, boolean dirty);
}
