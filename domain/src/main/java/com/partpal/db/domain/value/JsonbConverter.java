package com.partpal.db.domain.value;

/**
 * jsonb columns: valid JSON text, kept exactly as stored (see {@link JsonText}); an integer or real is its SQLite
 * text when that is valid JSON. Never NULLed: invalid JSON, empty text, blobs and non-UTF-8 text reject.
 */
final class JsonbConverter implements CellConverter {
    static final JsonbConverter INSTANCE = new JsonbConverter();

    private JsonbConverter() {
    }

    @Override
    public Object convert(Object raw) throws CellRejectedException {
        if (raw == null) {
            return null;
        }
        String text;
        if (raw instanceof String s) {
            text = s;
        } else if (raw instanceof Long l) {
            return l.toString();
        } else if (raw instanceof Double d) {
            text = SqliteRealText.of(d);
        } else if (raw instanceof RawText) {
            throw RawCell.notUtf8();
        } else {
            throw RawCell.reject("not JSON text", raw);
        }
        String problem = JsonText.problem(text);
        if (problem != null) {
            throw new CellRejectedException("not valid JSON: " + RawCell.describe(raw) + " (" + problem + ")");
        }
        return text;
    }
}
