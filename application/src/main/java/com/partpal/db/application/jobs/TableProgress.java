package com.partpal.db.application.jobs;

/** Rows done of one table so far; {@code totalRows} is the source's count. */
public record TableProgress(String table, long totalRows, long rowsDone, boolean finished) {
}
