package com.partpal.db.domain.value;

import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TargetType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Translates a SQLite column default (PRAGMA table_info's dflt_value, an SQL expression text) into a PostgreSQL
 * default expression for the mapped column type.
 *
 * <p>Literals (strings, numbers, TRUE/FALSE, X'..' blobs; on jsonb also json('...'), json_object(), json_array())
 * are read as the value SQLite would store and run through the column's {@link CellConverter}, so a default means in
 * PostgreSQL exactly what a stored value means: 0/1/'t' on a boolean column become false/true, '2024-01-01' on a
 * timestamp column a timestamp. Clock defaults are translated by {@link SqliteClockDefaults}. Anything else (other
 * function calls, expressions, a literal the column's rule rejects) is not translated: no default, and a warning
 * that names the expression.
 */
public final class SqliteDefaults {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS",
            Locale.ROOT);
    private static final DateTimeFormatter TIMESTAMP_MICROS = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    private SqliteDefaults() {
    }

    /** The translated default: sql is null when there is none; warning is set when one could not be translated. */
    public record Translation(String sql, String warning) {
        static Translation none() {
            return new Translation(null, null);
        }

        static Translation of(String sql) {
            return new Translation(sql, null);
        }

        static Translation untranslated(String defaultSql, String why) {
            return new Translation(null, "default " + defaultSql + " is not translated (" + why + ")");
        }
    }

    public static Translation translate(String defaultSql, ColumnType type) {
        return translate(defaultSql, type, Converters.forType(type));
    }

    /** @param converter the column's converter (its epoch unit and precision), through which literals go */
    public static Translation translate(String defaultSql, ColumnType type, CellConverter converter) {
        if (defaultSql == null) {
            return Translation.none();
        }
        String expression = withoutOuterParentheses(defaultSql.trim());
        String word = expression.toUpperCase(Locale.ROOT).replace(" ", "");
        if (word.equals("NULL")) {
            return Translation.none();
        }
        String clock = SqliteClockDefaults.translate(expression, type.kind());
        if (clock != null) {
            return clock.isEmpty() ? Translation.untranslated(defaultSql, "a clock value in a " + type.sql()
                    + " column") : Translation.of(clock);
        }
        Object raw = literal(jsonLiteral(expression, type.kind()), type.kind());
        if (raw == null) {
            return Translation.untranslated(defaultSql, "not a literal value");
        }
        try {
            return Translation.of(sqlLiteral(converter.convert(raw)));
        } catch (CellRejectedException e) {
            return Translation.untranslated(defaultSql, e.reason());
        }
    }

    /** Whether a default reads the clock as epoch seconds or milliseconds (it needs a 64-bit integer column). */
    public static boolean isEpochClock(String defaultSql) {
        if (defaultSql == null) {
            return false;
        }
        SqliteClockDefaults.Clock clock = SqliteClockDefaults.clockOf(defaultSql);
        return clock == SqliteClockDefaults.Clock.EPOCH_SECONDS || clock == SqliteClockDefaults.Clock.EPOCH_MILLIS;
    }

    /** On a jsonb column, json('...') is its quoted text and json_object() / json_array() the empty ones. */
    private static String jsonLiteral(String expression, TargetType kind) {
        if (kind != TargetType.JSONB) {
            return expression;
        }
        String normalized = SqliteClockDefaults.normalized(expression);
        if (normalized.equals("json_object()")) {
            return "'{}'";
        }
        if (normalized.equals("json_array()")) {
            return "'[]'";
        }
        if (expression.regionMatches(true, 0, "json(", 0, 5) && expression.endsWith(")")) {
            return expression.substring(5, expression.length() - 1).trim();
        }
        return expression;
    }

    /**
     * The value SQLite stores for a literal: String, Long, Double, byte[]; numeric literals stay text for numeric
     * and double columns so their exact decimal survives. Null when the expression is not a literal.
     */
    private static Object literal(String expression, TargetType kind) {
        if (expression.isEmpty()) {
            return null;
        }
        char first = expression.charAt(0);
        if (first == '\'' || first == '"') {
            return quoted(expression, first);
        }
        if ((first == 'x' || first == 'X') && expression.length() > 1 && expression.charAt(1) == '\'') {
            return blob(expression.substring(1));
        }
        switch (expression.toUpperCase(Locale.ROOT)) {
            case "TRUE" -> {
                return 1L;
            }
            case "FALSE" -> {
                return 0L;
            }
            default -> {
            }
        }
        String number = expression.startsWith("+") ? expression.substring(1) : expression;
        if (!NumberText.isDecimal(number)) {
            return null;
        }
        if (kind == TargetType.NUMERIC || kind == TargetType.DOUBLE) {
            return number;
        }
        Long integer = NumberText.parseLong(number);
        if (integer != null) {
            return integer;
        }
        return Double.parseDouble(number);
    }

    /** The content of a quoted literal with doubled quotes undone, or null when the text is more than one. */
    private static String quoted(String expression, char quote) {
        StringBuilder content = new StringBuilder(expression.length());
        int i = 1;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == quote) {
                if (i + 1 < expression.length() && expression.charAt(i + 1) == quote) {
                    content.append(quote);
                    i += 2;
                    continue;
                }
                return i == expression.length() - 1 ? content.toString() : null;
            }
            content.append(c);
            i++;
        }
        return null;
    }

    private static byte[] blob(String quotedHex) {
        String hex = quoted(quotedHex, '\'');
        if (hex == null || hex.length() % 2 != 0) {
            return null;
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0 || hex.charAt(i) > 'f') {
                return null;
            }
        }
        return HexFormat.of().parseHex(hex);
    }

    /** Strips parentheses that wrap the whole expression: "((0))" -> "0", but not "(1) + (2)". */
    static String withoutOuterParentheses(String expression) {
        String e = expression;
        while (e.length() >= 2 && e.charAt(0) == '(' && e.charAt(e.length() - 1) == ')'
                && closingParenthesis(e) == e.length() - 1) {
            e = e.substring(1, e.length() - 1).trim();
        }
        return e;
    }

    /** Where the parenthesis opened at 0 closes, skipping quoted text; -1 when it never does. */
    private static int closingParenthesis(String e) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A converted value as a PostgreSQL literal. */
    static String sqlLiteral(Object value) {
        if (value instanceof Boolean || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return Double.isInfinite(d) ? (d > 0 ? "'Infinity'" : "'-Infinity'") : d.toString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof LocalDateTime t) {
            return quote((t.getNano() % 1_000_000 == 0 ? TIMESTAMP : TIMESTAMP_MICROS).format(t));
        }
        if (value instanceof LocalDate d) {
            return quote(d.toString());
        }
        if (value instanceof byte[] bytes) {
            return quote("\\x" + HexFormat.of().formatHex(bytes)) + "::bytea";
        }
        return quote((String) value);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
