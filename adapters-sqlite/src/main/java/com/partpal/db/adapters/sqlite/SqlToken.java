package com.partpal.db.adapters.sqlite;

import java.util.Locale;

/**
 * One token of SQLite SQL text.
 *
 * @param text  the token's value: an identifier unquoted, a string without its quotes, otherwise as written
 * @param start offset of the token's first character in the source text
 * @param end   offset just after the token
 */
record SqlToken(Kind kind, String text, int start, int end) {
    enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, PUNCTUATION }

    /** A bare (unquoted) word equal to the keyword, ignoring case. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean is(char punctuation) {
        return kind == Kind.PUNCTUATION && text.length() == 1 && text.charAt(0) == punctuation;
    }

    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER || kind == Kind.STRING;
    }

    /** The identifier as SQLite compares it (case-insensitively for ASCII). */
    String folded() {
        return text.toLowerCase(Locale.ROOT);
    }
}
