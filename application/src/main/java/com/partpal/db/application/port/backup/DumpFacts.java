package com.partpal.db.application.port.backup;

import java.util.Map;

/** What an engine learnt while dumping: versions (pg_dump's is null for SQLite) and rows per table at dump time. */
public record DumpFacts(String serverVersion, String toolVersion, Map<String, Long> tableRowCounts) {
    public DumpFacts {
        tableRowCounts = Map.copyOf(tableRowCounts);
    }
}
