package com.partpal.db.domain.report;

import com.partpal.db.domain.value.JsonText;
import com.partpal.db.domain.value.RawText;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * Writes reports and rejects as JSON text. Maps keep their iteration order; byte[] and {@link RawText} become
 * {"base64": "..."}; doubles that JSON cannot hold (NaN, infinities) become strings.
 */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(128);
        append(out, value);
        return out.toString();
    }

    public static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Double d) {
            appendDouble(out, d);
        } else if (value instanceof Float f) {
            appendDouble(out, f.doubleValue());
        } else if (value instanceof BigDecimal bd) {
            out.append(bd.toPlainString());
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof byte[] bytes) {
            appendBase64(out, bytes);
        } else if (value instanceof RawText raw) {
            appendBase64(out, raw.bytes());
        } else if (value instanceof Map<?, ?> map) {
            appendMap(out, map);
        } else if (value instanceof Collection<?> items) {
            appendList(out, items);
        } else {
            quote(out, value.toString());
        }
    }

    private static void appendDouble(StringBuilder out, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            quote(out, Double.toString(d));
        } else {
            out.append(d);
        }
    }

    private static void appendBase64(StringBuilder out, byte[] bytes) {
        out.append("{\"base64\":");
        quote(out, Base64.getEncoder().encodeToString(bytes));
        out.append('}');
    }

    private static void appendMap(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, String.valueOf(e.getKey()));
            out.append(':');
            append(out, e.getValue());
        }
        out.append('}');
    }

    private static void appendList(StringBuilder out, Collection<?> items) {
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            append(out, item);
        }
        out.append(']');
    }

    public static void quote(StringBuilder out, String s) {
        JsonText.quote(out, s);
    }
}
