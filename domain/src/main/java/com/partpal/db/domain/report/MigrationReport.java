package com.partpal.db.domain.report;

import com.partpal.db.domain.schema.SkippedObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a migrate run. URLs are already masked.
 *
 * @param verification the verify result as a JSON-ready map, or null when verification did not run
 * @param snapshotAt   the moment of the source's state that was copied (ISO-8601), or null when it was not pinned
 * @param resumedFrom  when the interrupted run this one resumed had started, or null for a run that was not resumed
 */
public record MigrationReport(String source, String target, String startedAt, double totalSeconds,
                              List<TableResult> tables, List<SkippedObject> skipped, String rejectsFile,
                              Outcome outcome, Map<String, Object> verification, String snapshotAt, String resumedFrom) {
    public MigrationReport {
        tables = List.copyOf(tables);
        skipped = List.copyOf(skipped);
    }

    /** This report with the verification's result and the outcome it gives. */
    public MigrationReport withVerification(Outcome newOutcome, Map<String, Object> newVerification) {
        return new MigrationReport(source, target, startedAt, totalSeconds, tables, skipped, rejectsFile, newOutcome,
                newVerification, snapshotAt, resumedFrom);
    }

    public long rejectedRows() {
        return tables.stream().mapToLong(TableResult::rejected).sum();
    }

    public long copiedRows() {
        return tables.stream().mapToLong(TableResult::copied).sum();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = RunHeader.map(source, target, startedAt, totalSeconds);
        m.put("outcome", outcome.name().toLowerCase());
        m.put("copiedRows", copiedRows());
        m.put("rejectedRows", rejectedRows());
        m.put("rejectsFile", rejectsFile);
        m.put("snapshotAt", snapshotAt);
        if (resumedFrom != null) {
            m.put("resumedFrom", resumedFrom);
        }
        m.put("tables", tables.stream().map(TableResult::toMap).toList());
        m.put("skipped", skipped.stream().map(s -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", s.kind());
            o.put("name", s.name());
            o.put("reason", s.reason());
            o.put("sql", s.sql());
            return o;
        }).toList());
        if (verification != null) {
            m.put("verification", verification);
        }
        return m;
    }

    public String toJson() {
        return Json.write(toMap());
    }
}
