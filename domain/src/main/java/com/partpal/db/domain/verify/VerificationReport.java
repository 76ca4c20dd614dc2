package com.partpal.db.domain.verify;

import com.partpal.db.domain.report.Json;
import com.partpal.db.domain.report.RunHeader;

import java.util.List;
import java.util.Map;

/** The result of verify: the schema differences and each table's data comparison. URLs are already masked. */
public record VerificationReport(String source, String target, String startedAt, double totalSeconds,
                                 List<SchemaDifference> schemaDifferences, List<TableVerification> tables) {

    public VerificationReport {
        schemaDifferences = List.copyOf(schemaDifferences);
        tables = List.copyOf(tables);
    }

    /** Identical apart from rows the rejects file lists. */
    public boolean identical() {
        return schemaDifferences.isEmpty() && tables.stream().allMatch(TableVerification::identical);
    }

    public long differingRows() {
        return tables.stream().mapToLong(t -> t.missingInTarget() + t.unexpectedInTarget() + t.changed()).sum();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = RunHeader.map(source, target, startedAt, totalSeconds);
        m.put("identical", identical());
        m.put("differingRows", differingRows());
        m.put("schemaDifferences", schemaDifferences.stream().map(SchemaDifference::toMap).toList());
        m.put("tables", tables.stream().map(TableVerification::toMap).toList());
        return m;
    }

    public String toJson() {
        return Json.write(toMap());
    }
}
