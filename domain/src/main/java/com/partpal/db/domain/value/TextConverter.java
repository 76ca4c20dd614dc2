package com.partpal.db.domain.value;

/**
 * text columns: text as is; an integer or real becomes SQLite's own text of it ({@code CAST(x AS TEXT)}).
 * Text containing U+0000 (PostgreSQL text cannot hold it), text that is not UTF-8, and blobs reject.
 */
final class TextConverter implements CellConverter {
    static final TextConverter INSTANCE = new TextConverter();

    private TextConverter() {
    }

    @Override
    public Object convert(Object raw) throws CellRejectedException {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String s) {
            if (s.indexOf('\u0000') >= 0) {
                throw new CellRejectedException("text contains U+0000");
            }
            return s;
        }
        if (raw instanceof Long l) {
            return l.toString();
        }
        if (raw instanceof Double d) {
            return SqliteRealText.of(d);
        }
        if (raw instanceof RawText) {
            throw RawCell.notUtf8();
        }
        throw RawCell.reject("not text", raw);
    }
}
