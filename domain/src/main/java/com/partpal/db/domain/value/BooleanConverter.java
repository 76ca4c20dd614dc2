package com.partpal.db.domain.value;

import java.util.Locale;

/** boolean columns: integers 0/1 and exactly PostgreSQL's boolean words, in any case; nothing else. */
final class BooleanConverter implements CellConverter {
    static final BooleanConverter INSTANCE = new BooleanConverter();

    private BooleanConverter() {
    }

    @Override
    public Object convert(Object raw) throws CellRejectedException {
        if (raw == null) {
            return null;
        }
        Boolean value = null;
        if (raw instanceof Long l) {
            value = l == 0 ? Boolean.FALSE : l == 1 ? Boolean.TRUE : null;
        } else if (raw instanceof String s) {
            value = word(s);
        } else if (raw instanceof RawText) {
            throw RawCell.notUtf8();
        }
        if (value == null) {
            throw RawCell.reject("not a boolean", raw);
        }
        return value;
    }

    /** The boolean a word means, or null; also used for column defaults. */
    static Boolean word(String s) {
        if (s.isEmpty() || s.length() > 5) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "t", "true", "y", "yes", "on", "1" -> Boolean.TRUE;
            case "f", "false", "n", "no", "off", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
