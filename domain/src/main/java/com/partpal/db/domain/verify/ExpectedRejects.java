package com.partpal.db.domain.verify;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.value.JsonText;
import com.partpal.db.domain.value.RawText;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a migrate rejects file lists (see {@link com.partpal.db.domain.report.Reject}): per table, the raw key
 * of each rejected source row ({pk column: raw value} or {"rowid": N}) and its reason. A source row matching one is
 * expected to be missing from the target.
 */
public final class ExpectedRejects {
    public static final ExpectedRejects NONE = new ExpectedRejects(Map.of());

    private final Map<String, Map<List<Object>, String>> reasonsByTable;

    private ExpectedRejects(Map<String, Map<List<Object>, String>> reasonsByTable) {
        this.reasonsByTable = reasonsByTable;
    }

    /** Parses JSON Lines; blank lines are skipped, anything else that is not a reject line is bad input. */
    public static ExpectedRejects parse(Iterable<String> lines, String fileName) {
        Map<String, Map<List<Object>, String>> byTable = new HashMap<>();
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Object parsed;
            try {
                parsed = JsonText.parse(line);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("not a rejects file: " + fileName + " line " + number + " is "
                        + e.getMessage());
            }
            if (!(parsed instanceof Map<?, ?> reject) || !(reject.get("table") instanceof String table)
                    || !(reject.get("key") instanceof Map<?, ?> key)) {
                throw new BadInputException("not a rejects file: " + fileName + " line " + number
                        + " has no table and key");
            }
            List<Object> keyValues = new ArrayList<>();
            // The parser sorts members, so the key's column order is lost; the raw key is matched per column name.
            key.forEach((column, value) -> {
                keyValues.add(column);
                keyValues.add(rawOf(value));
            });
            Object reason = reject.get("reason");
            byTable.computeIfAbsent(table, t -> new HashMap<>()).put(keyValues, reason == null ? "" : reason.toString());
        }
        return new ExpectedRejects(byTable);
    }

    public boolean isEmpty() {
        return reasonsByTable.isEmpty();
    }

    /** The reason a source row with this raw key (column -> raw value, or "rowid" -> N) was rejected, or null. */
    public String reason(String table, Map<String, Object> rawKey) {
        Map<List<Object>, String> reasons = reasonsByTable.get(table);
        if (reasons == null) {
            return null;
        }
        List<Object> keyValues = new ArrayList<>();
        new java.util.TreeMap<>(rawKey).forEach((column, value) -> {
            keyValues.add(column);
            keyValues.add(rawOf(value));
        });
        return reasons.get(keyValues);
    }

    /** A raw source value in a form that equals its rejects-file form: integers Long, reals Double, bytes a buffer. */
    private static Object rawOf(Object value) {
        if (value instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return d.doubleValue();
            }
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        if (value instanceof RawText raw) {
            return ByteBuffer.wrap(raw.bytes());
        }
        if (value instanceof Map<?, ?> m && m.size() == 1 && m.get("base64") instanceof String b64) {
            return ByteBuffer.wrap(Base64.getDecoder().decode(b64));
        }
        return value;
    }
}
