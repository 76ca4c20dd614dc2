package com.partpal.db.domain.value;

/** How a raw source cell is named in a reject reason: short, and never the whole of a long text. */
final class RawCell {
    private static final int MAX_TEXT = 60;

    private RawCell() {
    }

    static String describe(Object raw) {
        if (raw instanceof String s) {
            return s.length() <= MAX_TEXT ? "'" + s + "'" : "'" + s.substring(0, MAX_TEXT) + "...' (" + s.length()
                    + " characters)";
        }
        if (raw instanceof byte[] bytes) {
            return "a blob of " + bytes.length + " bytes";
        }
        if (raw instanceof RawText) {
            return "text that is not valid UTF-8";
        }
        return String.valueOf(raw);
    }

    static CellRejectedException reject(String what, Object raw) {
        return new CellRejectedException(what + ": " + describe(raw));
    }

    /** The reason shared by every column kind for text whose bytes are not UTF-8. */
    static CellRejectedException notUtf8() {
        return new CellRejectedException("text is not valid UTF-8");
    }
}
