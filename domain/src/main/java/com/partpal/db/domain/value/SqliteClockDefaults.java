package com.partpal.db.domain.value;

import com.partpal.db.domain.types.TargetType;

import java.util.Map;

/**
 * SQLite defaults that read the clock, and the PostgreSQL expression with the same meaning in a column of each kind:
 * CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_TIME, datetime/date/time('now') (UTC), their 'localtime' forms (the
 * server's local time: LOCALTIMESTAMP), strftime text forms, epoch seconds (strftime('%s','now'), unixepoch()),
 * epoch milliseconds (those times 1000, the julianday and '%f' forms) and julianday('now').
 */
final class SqliteClockDefaults {
    /** What a clock default gives. */
    enum Clock {
        UTC_TIMESTAMP, LOCAL_TIMESTAMP, UTC_DATE, LOCAL_DATE, UTC_TIME, LOCAL_TIME, EPOCH_SECONDS, EPOCH_MILLIS,
        JULIAN_DAY
    }

    private record Form(Clock clock, String textFormat) {
    }

    private static final String DATE_TIME = "YYYY-MM-DD HH24:MI:SS";
    private static final String[] MODIFIERS = {"now", "localtime", "subsec"};
    private static final String SECONDS = "extract(epoch FROM CURRENT_TIMESTAMP)";

    private static final Map<String, Form> FORMS = Map.ofEntries(
            Map.entry("current_timestamp", new Form(Clock.UTC_TIMESTAMP, DATE_TIME)),
            Map.entry("datetime('now')", new Form(Clock.UTC_TIMESTAMP, DATE_TIME)),
            Map.entry("strftime('%Y-%m-%d %H:%M:%S','now')", new Form(Clock.UTC_TIMESTAMP, DATE_TIME)),
            Map.entry("strftime('%Y-%m-%d %H:%M:%f','now')", new Form(Clock.UTC_TIMESTAMP, DATE_TIME + ".MS")),
            Map.entry("strftime('%Y-%m-%dT%H:%M:%fZ','now')",
                    new Form(Clock.UTC_TIMESTAMP, "YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"")),
            Map.entry("strftime('%Y-%m-%dT%H:%M:%SZ','now')",
                    new Form(Clock.UTC_TIMESTAMP, "YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"")),
            Map.entry("datetime('now','localtime')", new Form(Clock.LOCAL_TIMESTAMP, DATE_TIME)),
            Map.entry("current_date", new Form(Clock.UTC_DATE, "YYYY-MM-DD")),
            Map.entry("date('now')", new Form(Clock.UTC_DATE, "YYYY-MM-DD")),
            Map.entry("date('now','localtime')", new Form(Clock.LOCAL_DATE, "YYYY-MM-DD")),
            Map.entry("current_time", new Form(Clock.UTC_TIME, "HH24:MI:SS")),
            Map.entry("time('now')", new Form(Clock.UTC_TIME, "HH24:MI:SS")),
            Map.entry("time('now','localtime')", new Form(Clock.LOCAL_TIME, "HH24:MI:SS")),
            Map.entry("strftime('%s','now')", new Form(Clock.EPOCH_SECONDS, null)),
            Map.entry("cast(strftime('%s','now')asinteger)", new Form(Clock.EPOCH_SECONDS, null)),
            Map.entry("cast(strftime('%s','now')asint)", new Form(Clock.EPOCH_SECONDS, null)),
            Map.entry("unixepoch()", new Form(Clock.EPOCH_SECONDS, null)),
            Map.entry("unixepoch('now')", new Form(Clock.EPOCH_SECONDS, null)),
            Map.entry("strftime('%s','now')*1000", new Form(Clock.EPOCH_MILLIS, null)),
            Map.entry("cast(strftime('%s','now')asinteger)*1000", new Form(Clock.EPOCH_MILLIS, null)),
            Map.entry("cast(strftime('%s','now')asint)*1000", new Form(Clock.EPOCH_MILLIS, null)),
            Map.entry("unixepoch()*1000", new Form(Clock.EPOCH_MILLIS, null)),
            Map.entry("cast(unixepoch('subsec')*1000asinteger)", new Form(Clock.EPOCH_MILLIS, null)),
            Map.entry("cast((julianday('now')-2440587.5)*86400000asinteger)", new Form(Clock.EPOCH_MILLIS, null)),
            Map.entry("cast((julianday('now')-2440587.5)*86400000.0asinteger)", new Form(Clock.EPOCH_MILLIS, null)),
            Map.entry("cast(round((julianday('now')-2440587.5)*86400000)asinteger)", new Form(Clock.EPOCH_MILLIS, null)),
            Map.entry("strftime('%s','now')||substr(strftime('%f','now'),4)", new Form(Clock.EPOCH_MILLIS, null)),
            Map.entry("julianday('now')", new Form(Clock.JULIAN_DAY, null)));

    private SqliteClockDefaults() {
    }

    /** The clock an expression reads, or null when it is not one of the known clock defaults. */
    static Clock clockOf(String expression) {
        Form form = FORMS.get(normalized(expression));
        return form == null ? null : form.clock();
    }

    /**
     * The PostgreSQL default for a clock expression in a column of this kind; null when the expression is no clock
     * default; "" when it is one that this kind of column cannot hold.
     */
    static String translate(String expression, TargetType kind) {
        Form form = FORMS.get(normalized(expression));
        if (form == null) {
            return null;
        }
        boolean local = form.clock() == Clock.LOCAL_TIMESTAMP || form.clock() == Clock.LOCAL_DATE
                || form.clock() == Clock.LOCAL_TIME;
        String now = local ? "LOCALTIMESTAMP" : "CURRENT_TIMESTAMP AT TIME ZONE 'UTC'";
        return switch (form.clock()) {
            case UTC_TIMESTAMP, LOCAL_TIMESTAMP -> switch (kind) {
                case TIMESTAMP -> local ? "LOCALTIMESTAMP" : "CURRENT_TIMESTAMP";
                case DATE -> "CURRENT_DATE";
                case TEXT -> toChar(now, form.textFormat());
                default -> "";
            };
            case UTC_DATE, LOCAL_DATE -> switch (kind) {
                case TIMESTAMP, DATE -> "CURRENT_DATE";
                case TEXT -> toChar(now, form.textFormat());
                default -> "";
            };
            case UTC_TIME, LOCAL_TIME -> kind == TargetType.TEXT ? toChar(now, form.textFormat()) : "";
            case EPOCH_SECONDS -> epoch("floor(" + SECONDS + ")", kind, "CURRENT_TIMESTAMP(0)");
            case EPOCH_MILLIS -> epoch("floor(" + SECONDS + " * 1000)", kind, "CURRENT_TIMESTAMP(3)");
            case JULIAN_DAY -> kind == TargetType.DOUBLE || kind == TargetType.NUMERIC
                    ? "(" + SECONDS + " / 86400 + 2440587.5)" : "";
        };
    }

    private static String epoch(String number, TargetType kind, String timestamp) {
        return switch (kind) {
            case INTEGER, BIGINT -> number + "::bigint";
            case DOUBLE, NUMERIC -> number;
            case TEXT -> number + "::bigint::text";
            case TIMESTAMP -> timestamp;
            default -> "";
        };
    }

    private static String toChar(String now, String format) {
        return "to_char(" + now + ", '" + format + "')";
    }

    /**
     * The expression without outer parentheses, spaces outside quotes, and case outside quotes (SQL words and function
     * names are case-insensitive; strftime formats are not); double-quoted strings as single-quoted ones.
     */
    static String normalized(String expression) {
        String e = SqliteDefaults.withoutOuterParentheses(expression.trim());
        StringBuilder out = new StringBuilder(e.length());
        char quote = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (quote != 0) {
                out.append(c == quote ? '\'' : c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append('\'');
            } else if (!Character.isWhitespace(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        // "(strftime('%s','now') * 1000)" and friends: parentheses around the part that reads the clock
        String normalized = out.toString().replace("(strftime('%s','now'))", "strftime('%s','now')")
                .replace("(unixepoch())", "unixepoch()");
        // SQLite takes the time value and modifiers in any case (n8n writes STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW'))
        for (String word : MODIFIERS) {
            normalized = replaceIgnoringCase(normalized, "'" + word + "'");
        }
        return normalized;
    }

    private static String replaceIgnoringCase(String text, String word) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                out.append(word);
                i += word.length();
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }
}
