package com.partpal.db.application.port.monitoring;

import java.util.List;

/** A SQLite file: its size, pages and the row counts of (at most the first 100 of) its tables. */
public record SqliteMonitoring(String kind, String file, long fileBytes, long pageCount, long pageSize,
                               long freelistPages, List<TableRows> tables) implements DatabaseMonitoring {
    public static final String KIND = "sqlite";

    public record TableRows(String table, long rows) {
    }
}
