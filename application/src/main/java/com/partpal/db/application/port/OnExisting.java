package com.partpal.db.application.port;

/** What to do when a target table already exists. */
public enum OnExisting {
    /** A non-empty target table stops the run before anything is written (an empty one is replaced). */
    FAIL,
    TRUNCATE,
    DROP
}
