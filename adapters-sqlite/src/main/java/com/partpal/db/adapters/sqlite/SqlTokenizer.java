package com.partpal.db.adapters.sqlite;

import com.partpal.db.adapters.sqlite.SqlToken.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQLite SQL into tokens: bare words, quoted identifiers ("x", `x`, [x]), strings ('x'), numbers and
 * punctuation; comments (-- and /* *&#47;) and whitespace are dropped. Good enough for the DDL stored in
 * sqlite_schema, which SQLite has already parsed, so it is never malformed.
 */
final class SqlTokenizer {
    private final String sql;
    private int pos;

    private SqlTokenizer(String sql) {
        this.sql = sql;
    }

    static List<SqlToken> tokenize(String sql) {
        return new SqlTokenizer(sql).all();
    }

    private List<SqlToken> all() {
        List<SqlToken> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= sql.length()) {
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipSpaceAndComments() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("--", pos)) {
                int eol = sql.indexOf('\n', pos);
                pos = eol < 0 ? sql.length() : eol + 1;
            } else if (sql.startsWith("/*", pos)) {
                int close = sql.indexOf("*/", pos + 2);
                pos = close < 0 ? sql.length() : close + 2;
            } else {
                return;
            }
        }
    }

    private SqlToken next() {
        int start = pos;
        char c = sql.charAt(pos);
        switch (c) {
            case '"':
                return quoted(start, '"', Kind.QUOTED_IDENTIFIER);
            case '`':
                return quoted(start, '`', Kind.QUOTED_IDENTIFIER);
            case '\'':
                return quoted(start, '\'', Kind.STRING);
            case '[': {
                int close = sql.indexOf(']', pos + 1);
                pos = close < 0 ? sql.length() : close + 1;
                return new SqlToken(Kind.QUOTED_IDENTIFIER, sql.substring(start + 1, Math.max(start + 1, pos - 1)), start, pos);
            }
            default:
                break;
        }
        if (isWordChar(c) && !Character.isDigit(c)) {
            while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
                pos++;
            }
            return new SqlToken(Kind.WORD, sql.substring(start, pos), start, pos);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
            while (pos < sql.length() && (isWordChar(sql.charAt(pos)) || sql.charAt(pos) == '.'
                    || ((sql.charAt(pos) == '+' || sql.charAt(pos) == '-') && "eE".indexOf(sql.charAt(pos - 1)) >= 0))) {
                pos++;
            }
            return new SqlToken(Kind.NUMBER, sql.substring(start, pos), start, pos);
        }
        pos++;
        return new SqlToken(Kind.PUNCTUATION, String.valueOf(c), start, pos);
    }

    /** A quoted token; the quote character doubled inside stands for itself. */
    private SqlToken quoted(int start, char quote, Kind kind) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos++);
            if (c != quote) {
                value.append(c);
            } else if (pos < sql.length() && sql.charAt(pos) == quote) {
                value.append(quote);
                pos++;
            } else {
                break;
            }
        }
        return new SqlToken(kind, value.toString(), start, pos);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }
}
