package com.partpal.db.domain.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fields a run's report starts with: where from, where to, when it started and how long it took. */
public final class RunHeader {
    private RunHeader() {
    }

    /** A JSON-ready map holding the header (seconds to the millisecond), for the report to add its own fields to. */
    public static Map<String, Object> map(String source, String target, String startedAt, double totalSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("target", target);
        m.put("startedAt", startedAt);
        m.put("totalSeconds", Math.round(totalSeconds * 1000) / 1000.0);
        return m;
    }
}
