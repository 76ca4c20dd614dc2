package com.partpal.db.application.port;

/** One raw source row with its rowid; values are in column order. */
public record SourceRow(long rowid, Object[] values) {
}
