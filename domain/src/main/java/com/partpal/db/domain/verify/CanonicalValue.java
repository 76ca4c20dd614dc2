package com.partpal.db.domain.verify;

import com.partpal.db.domain.types.TargetType;
import com.partpal.db.domain.value.JsonText;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;

/**
 * The comparable form of a typed cell (see {@link TargetType} for the Java types): integers as Long, JSON as
 * {@link JsonText#canonical} text (key order and whitespace do not count), numerics without trailing zeros (so
 * 1.50 equals 1.5, as compareTo has it), the rest as they are. Doubles compare by their exact IEEE bits, bytes by
 * content, text by code point (the order of UTF-8 bytes, which SQLite's BINARY and PostgreSQL's "C" collation use).
 */
public final class CanonicalValue {
    private CanonicalValue() {
    }

    /** The column kind of a stored type name ("integer", "timestamp(3)", "character varying(20)", "jsonb"...). */
    public static TargetType kindOf(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.startsWith("bigint") || t.equals("int8")) {
            return TargetType.BIGINT;
        }
        if (t.startsWith("int") || t.startsWith("smallint")) {
            return TargetType.INTEGER;
        }
        if (t.startsWith("bool")) {
            return TargetType.BOOLEAN;
        }
        if (t.startsWith("timestamp")) {
            return TargetType.TIMESTAMP;
        }
        if (t.equals("date")) {
            return TargetType.DATE;
        }
        if (t.startsWith("double") || t.equals("real") || t.startsWith("float")) {
            return TargetType.DOUBLE;
        }
        if (t.startsWith("numeric") || t.startsWith("decimal")) {
            return TargetType.NUMERIC;
        }
        if (t.equals("bytea")) {
            return TargetType.BYTEA;
        }
        return t.startsWith("json") ? TargetType.JSONB : TargetType.TEXT;
    }

    /** The canonical form of a typed value of a column of this kind; null stays null. */
    public static Object of(TargetType kind, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        if (kind == TargetType.JSONB && value instanceof String json) {
            return JsonText.isValid(json) ? JsonText.canonical(json) : json;
        }
        return value;
    }

    public static boolean equal(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return a == null ? b == null : a.equals(b);
    }

    /** Orders canonical values: null first, then by type, then by value (text by code point). */
    public static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int byType = Integer.compare(rank(a), rank(b));
        if (byType != 0) {
            return byType;
        }
        if (a instanceof String x) {
            return compareCodePoints(x, (String) b);
        }
        if (a instanceof byte[] x) {
            return Arrays.compareUnsigned(x, (byte[]) b);
        }
        if (a instanceof Double x) {
            return Double.compare(x, (Double) b);
        }
        if (a instanceof BigDecimal x) {
            return x.compareTo((BigDecimal) b);
        }
        @SuppressWarnings("unchecked")
        Comparable<Object> comparable = (Comparable<Object>) a;
        return comparable.compareTo(b);
    }

    private static int rank(Object v) {
        if (v instanceof Boolean) {
            return 0;
        }
        if (v instanceof Long) {
            return 1;
        }
        if (v instanceof Double) {
            return 2;
        }
        if (v instanceof BigDecimal) {
            return 3;
        }
        if (v instanceof LocalDate) {
            return 4;
        }
        if (v instanceof LocalDateTime) {
            return 5;
        }
        if (v instanceof String) {
            return 6;
        }
        return 7;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Appends an unambiguous encoding of a canonical value (a type tag, then the value) for hashing. */
    static void encode(Object v, RowHash.Sink out) {
        if (v == null) {
            out.tag('N');
        } else if (v instanceof Long l) {
            out.tag('I').putLong(l);
        } else if (v instanceof Boolean b) {
            out.tag(b ? 'T' : 'F');
        } else if (v instanceof Double d) {
            out.tag('D').putLong(Double.doubleToLongBits(d));
        } else if (v instanceof BigDecimal d) {
            out.tag('M').putBytes(d.toString().getBytes(StandardCharsets.US_ASCII));
        } else if (v instanceof byte[] bytes) {
            out.tag('B').putBytes(bytes);
        } else if (v instanceof String s) {
            out.tag('S').putBytes(s.getBytes(StandardCharsets.UTF_8));
        } else {
            out.tag(v.getClass().getSimpleName().charAt(0)).putBytes(v.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
