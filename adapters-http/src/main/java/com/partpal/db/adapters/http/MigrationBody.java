package com.partpal.db.adapters.http;

import java.util.List;

/** POST /api/migrations: the CLI's migrate options. */
public record MigrationBody(String from, String to, Options options) {
    /** All optional, with the CLI's defaults. */
    public record Options(Integer jobs, Integer batchSize, String onExisting, Boolean verify, List<String> tables,
                          List<String> exclude, List<String> jsonColumns) {
    }
}
