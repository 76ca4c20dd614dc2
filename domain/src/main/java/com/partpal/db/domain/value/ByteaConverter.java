package com.partpal.db.domain.value;

import java.nio.charset.StandardCharsets;

/**
 * bytea columns: the exact bytes. A blob as is; text as the bytes SQLite stores for it (UTF-8; text that is not
 * UTF-8 keeps its exact bytes). An integer or real rejects: it has no bytes of its own, and turning it into the
 * bytes of its decimal text would be a guess.
 */
final class ByteaConverter implements CellConverter {
    static final ByteaConverter INSTANCE = new ByteaConverter();

    private ByteaConverter() {
    }

    @Override
    public Object convert(Object raw) throws CellRejectedException {
        if (raw == null || raw instanceof byte[]) {
            return raw;
        }
        if (raw instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (raw instanceof RawText text) {
            return text.bytes().clone();
        }
        throw RawCell.reject("not binary data", raw);
    }
}
