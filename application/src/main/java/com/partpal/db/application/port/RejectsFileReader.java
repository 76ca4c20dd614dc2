package com.partpal.db.application.port;

import com.partpal.db.domain.verify.ExpectedRejects;

/** Reads a migrate rejects file (JSON Lines) for verify: its rows are expected to be missing from the target. */
@FunctionalInterface
public interface RejectsFileReader {
    /** {@link ExpectedRejects#NONE} for a null file; BadInputException when it is missing or unreadable. */
    ExpectedRejects read(String file);
}
