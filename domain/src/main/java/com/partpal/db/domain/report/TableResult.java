package com.partpal.db.domain.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** What happened to one table: copied + rejected = sourceRows. */
public record TableResult(String table, long sourceRows, long copied, long rejected, double seconds) {
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", table);
        m.put("sourceRows", sourceRows);
        m.put("copied", copied);
        m.put("rejected", rejected);
        m.put("seconds", Math.round(seconds * 1000) / 1000.0);
        return m;
    }
}
