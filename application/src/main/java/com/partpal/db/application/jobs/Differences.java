package com.partpal.db.application.jobs;

import com.partpal.db.domain.verify.TableVerification;
import com.partpal.db.domain.verify.VerificationReport;

import java.util.List;
import java.util.Map;

/** One line that sums up what a verification found different, for a failed job's error. */
final class Differences {
    private Differences() {
    }

    static String summary(VerificationReport report) {
        return line(report.differingRows(), report.tables().stream().filter(t -> !t.identical())
                .map(TableVerification::table).toList(), report.schemaDifferences().size());
    }

    /** The same from a migration report's embedded verification map (null: no verification ran). */
    static String summary(Map<String, Object> verification) {
        Object rows = verification.get("differingRows");
        List<String> tables = verification.get("tables") instanceof List<?> all ? all.stream()
                .filter(t -> t instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("identical")))
                .map(t -> String.valueOf(((Map<?, ?>) t).get("table"))).toList() : List.of();
        int schema = verification.get("schemaDifferences") instanceof List<?> list ? list.size() : 0;
        return line(rows instanceof Number n ? n.longValue() : 0, tables, schema);
    }

    private static String line(long rows, List<String> tables, int schemaDifferences) {
        StringBuilder line = new StringBuilder("verification found differences: ");
        line.append(rows).append(rows == 1 ? " differing row" : " differing rows");
        if (!tables.isEmpty()) {
            line.append(" in ").append(String.join(", ", tables.subList(0, Math.min(10, tables.size()))))
                    .append(tables.size() > 10 ? " and " + (tables.size() - 10) + " more tables" : "");
        }
        if (schemaDifferences > 0) {
            line.append(", ").append(schemaDifferences).append(" schema difference(s)");
        }
        return line.append("; the report names them").toString();
    }
}
