package com.partpal.db.domain.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Strict RFC 8259 JSON, hand-written (no library), with the limits PostgreSQL's jsonb adds: no {@code \u0000}
 * escape, no unpaired surrogates (escaped or not), numbers within PostgreSQL's numeric range.
 *
 * <p>{@link #problem} is the per-cell check used by the migration; it is iterative, so deep nesting cannot overflow
 * the stack. {@link #canonical} is for comparing JSON by meaning (verification): keys sorted, duplicate keys
 * resolved as jsonb does (the last wins), no whitespace, numbers as exact decimals, strings re-escaped one way.
 */
public final class JsonText {
    /** PostgreSQL numeric: at most 131072 digits before the decimal point and 16383 after it. */
    private static final long MAX_INTEGER_DIGITS = 131_072;
    private static final long MAX_FRACTION_DIGITS = 16_383;
    private static final int PLAIN_NUMBER_LIMIT = 1000;
    private static final byte IN_ARRAY = 1;
    private static final byte IN_OBJECT = 2;

    private JsonText() {
    }

    public static boolean isValid(String json) {
        return problem(json) == null;
    }

    /** Null when {@code json} is valid, else what is wrong and where, e.g. "unexpected character 'x' at offset 5". */
    public static String problem(String json) {
        return new Checker(json).check();
    }

    /** The canonical text of valid JSON; IllegalArgumentException (with {@link #problem}'s text) when invalid. */
    public static String canonical(String json) {
        String problem = problem(json);
        if (problem != null) {
            throw new IllegalArgumentException("not valid JSON: " + problem);
        }
        Reader reader = new Reader(json);
        StringBuilder out = new StringBuilder(json.length());
        write(out, reader.value());
        return out.toString();
    }

    /**
     * The value of valid JSON: Map (keys sorted; for duplicates the last wins), List, String, BigDecimal, Boolean, or
     * null for JSON null; IllegalArgumentException (with {@link #problem}'s text) when invalid.
     */
    public static Object parse(String json) {
        String problem = problem(json);
        if (problem != null) {
            throw new IllegalArgumentException("not valid JSON: " + problem);
        }
        return withNulls(new Reader(json).value());
    }

    private static Object withNulls(Object value) {
        if (value == Reader.NULL) {
            return null;
        }
        if (value instanceof Map<?, ?> members) {
            Map<String, Object> out = new TreeMap<>();
            members.forEach((k, v) -> out.put((String) k, withNulls(v)));
            return out;
        }
        if (value instanceof List<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            items.forEach(v -> out.add(withNulls(v)));
            return out;
        }
        return value;
    }

    /** Appends {@code s} as a JSON string: quotes, backslash and control characters escaped, the rest as is. */
    public static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !pairedSurrogateAt(s, i)) {
                        out.append("\\u");
                        String hex = Integer.toHexString(c);
                        out.append("0000", hex.length(), 4).append(hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean pairedSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** Validates without building anything; an explicit container stack instead of recursion. */
    private static final class Checker {
        private final String s;
        private final int n;
        private int pos;
        private static final int FAILED = 0;
        private static final int DONE = 1;
        private static final int OPENED = 2;
        private String error;
        private byte[] stack = new byte[8];
        private int depth;

        Checker(String s) {
            this.s = s;
            this.n = s.length();
        }

        String check() {
            if (n == 0) {
                return "empty text";
            }
            boolean needValue = true;
            while (true) {
                if (needValue) {
                    int read = value();
                    if (read == FAILED) {
                        return error;
                    }
                    needValue = read == OPENED;
                    continue;
                }
                skipWhitespace();
                if (depth == 0) {
                    return pos == n ? null : unexpected();
                }
                if (pos == n) {
                    return endOfInput();
                }
                char c = s.charAt(pos);
                byte container = stack[depth - 1];
                if (c == ',') {
                    pos++;
                    if (container == IN_OBJECT && !memberName()) {
                        return error;
                    }
                    needValue = true;
                } else if (c == ']' && container == IN_ARRAY || c == '}' && container == IN_OBJECT) {
                    pos++;
                    depth--;
                } else {
                    return unexpected();
                }
            }
        }

        /**
         * Reads a scalar or an empty container (DONE), or opens a container, reading an object's first member name
         * (OPENED: a value must follow); FAILED with {@link #error} set.
         */
        private int value() {
            skipWhitespace();
            if (pos == n) {
                error = endOfInput();
                return FAILED;
            }
            char c = s.charAt(pos);
            if (c == '{' || c == '[') {
                char close = c == '{' ? '}' : ']';
                pos++;
                skipWhitespace();
                if (pos < n && s.charAt(pos) == close) {
                    pos++;
                    return DONE;
                }
                push(c == '{' ? IN_OBJECT : IN_ARRAY);
                return c == '[' || memberName() ? OPENED : FAILED;
            }
            boolean read;
            if (c == '"') {
                read = string();
            } else if (c == 't') {
                read = literal("true");
            } else if (c == 'f') {
                read = literal("false");
            } else if (c == 'n') {
                read = literal("null");
            } else if (c == '-' || NumberText.isDigit(c)) {
                read = number();
            } else {
                error = unexpected();
                read = false;
            }
            return read ? DONE : FAILED;
        }

        /** A member name and its colon. */
        private boolean memberName() {
            skipWhitespace();
            if (pos == n) {
                error = endOfInput();
                return false;
            }
            if (s.charAt(pos) != '"') {
                error = "expected a member name at offset " + pos;
                return false;
            }
            if (!string()) {
                return false;
            }
            skipWhitespace();
            if (pos == n) {
                error = endOfInput();
                return false;
            }
            if (s.charAt(pos) != ':') {
                error = "expected ':' at offset " + pos;
                return false;
            }
            pos++;
            return true;
        }

        private boolean string() {
            int start = pos++;
            while (pos < n) {
                char c = s.charAt(pos);
                if (c == '"') {
                    pos++;
                    return true;
                }
                if (c < 0x20) {
                    error = "unescaped control character in a string at offset " + pos;
                    return false;
                }
                if (c == '\\') {
                    if (!escape()) {
                        return false;
                    }
                } else if (Character.isSurrogate(c) && !pairedSurrogateAt(s, pos)) {
                    error = "unpaired surrogate in a string at offset " + pos;
                    return false;
                } else {
                    pos++;
                }
            }
            error = "unterminated string starting at offset " + start;
            return false;
        }

        private boolean escape() {
            int at = pos;
            if (pos + 1 >= n) {
                error = endOfInput();
                return false;
            }
            char e = s.charAt(pos + 1);
            if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                pos += 2;
                return true;
            }
            if (e != 'u') {
                error = "invalid escape \\" + e + " at offset " + at;
                return false;
            }
            int code = hex4(pos + 2);
            if (code < 0) {
                error = "invalid \\u escape at offset " + at;
                return false;
            }
            pos += 6;
            if (code == 0) {
                error = "\\u0000 is not allowed (PostgreSQL jsonb rejects it) at offset " + at;
                return false;
            }
            if (Character.isLowSurrogate((char) code)) {
                error = "unpaired surrogate escape at offset " + at;
                return false;
            }
            if (Character.isHighSurrogate((char) code)) {
                int low = pos + 1 < n && s.charAt(pos) == '\\' && s.charAt(pos + 1) == 'u' ? hex4(pos + 2) : -1;
                if (low < 0 || !Character.isLowSurrogate((char) low)) {
                    error = "unpaired surrogate escape at offset " + at;
                    return false;
                }
                pos += 6;
            }
            return true;
        }

        private int hex4(int from) {
            if (from + 4 > n) {
                return -1;
            }
            int code = 0;
            for (int i = from; i < from + 4; i++) {
                int digit = Character.digit(s.charAt(i), 16);
                if (digit < 0 || s.charAt(i) > 'f') {
                    return -1;
                }
                code = code * 16 + digit;
            }
            return code;
        }

        private boolean number() {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            int integerStart = pos;
            if (pos < n && s.charAt(pos) == '0') {
                pos++;
            } else if (!skipDigits()) {
                return badNumber(start);
            }
            long integerDigits = s.charAt(integerStart) == '0' ? 0 : pos - integerStart;
            boolean nonZero = integerDigits > 0;
            long fractionDigits = 0;
            if (pos < n && s.charAt(pos) == '.') {
                int fractionStart = ++pos;
                if (!skipDigits()) {
                    return badNumber(start);
                }
                fractionDigits = pos - fractionStart;
                nonZero |= NumberText.hasNonZeroDigit(s, fractionStart, pos);
            }
            long exponent = 0;
            if (pos < n && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                boolean negative = pos < n && s.charAt(pos) == '-';
                if (pos < n && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                int exponentStart = pos;
                if (!skipDigits()) {
                    return badNumber(start);
                }
                exponent = boundedValue(exponentStart, pos);
                if (negative) {
                    exponent = -exponent;
                }
            }
            if (Math.abs(exponent) >= Integer.MAX_VALUE / 2
                    || nonZero && integerDigits + exponent > MAX_INTEGER_DIGITS
                    || fractionDigits - exponent > MAX_FRACTION_DIGITS) {
                error = "number out of PostgreSQL's numeric range at offset " + start;
                return false;
            }
            return true;
        }

        /** The exponent's value, capped well beyond any allowed one so it cannot overflow. */
        private long boundedValue(int from, int to) {
            long value = 0;
            for (int i = from; i < to; i++) {
                value = Math.min(value * 10 + (s.charAt(i) - '0'), Integer.MAX_VALUE);
            }
            return value;
        }

        private boolean skipDigits() {
            int start = pos;
            while (pos < n && NumberText.isDigit(s.charAt(pos))) {
                pos++;
            }
            return pos > start;
        }

        private boolean badNumber(int start) {
            error = "invalid number at offset " + start;
            return false;
        }

        private boolean literal(String word) {
            if (!s.startsWith(word, pos)) {
                error = unexpected();
                return false;
            }
            pos += word.length();
            return true;
        }

        private void push(byte container) {
            if (depth == stack.length) {
                stack = java.util.Arrays.copyOf(stack, depth * 2);
            }
            stack[depth++] = container;
        }

        private void skipWhitespace() {
            while (pos < n) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private String unexpected() {
            char c = s.charAt(pos);
            String shown = c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
            return "unexpected character " + shown + " at offset " + pos;
        }

        private String endOfInput() {
            return "unexpected end of input at offset " + pos;
        }
    }

    /** Builds values from text already known to be valid. */
    private static final class Reader {
        private static final Object NULL = new Object();
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        Object value() {
            skipWhitespace();
            char c = s.charAt(pos);
            switch (c) {
                case '{' -> {
                    pos++;
                    Map<String, Object> members = new TreeMap<>();
                    skipWhitespace();
                    if (s.charAt(pos) == '}') {
                        pos++;
                        return members;
                    }
                    do {
                        skipWhitespace();
                        String name = string();
                        skipWhitespace();
                        pos++; // ':'
                        members.put(name, value());
                        skipWhitespace();
                    } while (s.charAt(pos++) == ',');
                    return members;
                }
                case '[' -> {
                    pos++;
                    List<Object> items = new ArrayList<>();
                    skipWhitespace();
                    if (s.charAt(pos) == ']') {
                        pos++;
                        return items;
                    }
                    do {
                        items.add(value());
                        skipWhitespace();
                    } while (s.charAt(pos++) == ',');
                    return items;
                }
                case '"' -> {
                    return string();
                }
                case 't' -> {
                    pos += 4;
                    return Boolean.TRUE;
                }
                case 'f' -> {
                    pos += 5;
                    return Boolean.FALSE;
                }
                case 'n' -> {
                    pos += 4;
                    return NULL;
                }
                default -> {
                    int start = pos;
                    while (pos < s.length() && "+-.eE0123456789".indexOf(s.charAt(pos)) >= 0) {
                        pos++;
                    }
                    return new BigDecimal(s.substring(start, pos));
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            pos++;
            while (true) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s, pos, pos + 4, 16));
                        pos += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private void skipWhitespace() {
            while (pos < s.length() && " \t\n\r".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }
    }

    private static void write(StringBuilder out, Object value) {
        if (value instanceof String text) {
            quote(out, text);
        } else if (value instanceof BigDecimal number) {
            out.append(canonicalNumber(number));
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Map<?, ?> members) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> member : members.entrySet()) {
                out.append(separator);
                quote(out, (String) member.getKey());
                out.append(':');
                write(out, member.getValue());
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> items) {
            out.append('[');
            String separator = "";
            for (Object item : items) {
                out.append(separator);
                write(out, item);
                separator = ",";
            }
            out.append(']');
        } else {
            out.append("null");
        }
    }

    private static String canonicalNumber(BigDecimal number) {
        if (number.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = number.stripTrailingZeros();
        int scale = stripped.scale();
        return scale > -PLAIN_NUMBER_LIMIT && scale < PLAIN_NUMBER_LIMIT ? stripped.toPlainString()
                : stripped.toString();
    }
}
