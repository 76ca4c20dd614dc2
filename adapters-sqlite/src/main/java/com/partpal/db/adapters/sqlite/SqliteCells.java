package com.partpal.db.adapters.sqlite;

import com.partpal.db.domain.value.RawText;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads raw cells: null, Long (every SQLite integer), Double, String, byte[] (a blob) or RawText (TEXT whose bytes
 * are not valid UTF-8). sqlite-jdbc decodes text replacing bad bytes with U+FFFD, so only a string holding U+FFFD is
 * read again as bytes and decoded strictly; everything else stays on the fast path.
 */
final class SqliteCells {
    private SqliteCells() {
    }

    static Object read(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof Integer i) {
            return Long.valueOf(i);
        }
        if (value instanceof String s && s.indexOf('\uFFFD') >= 0) {
            return strictText(rs.getBytes(column), s);
        }
        return value;
    }

    private static Object strictText(byte[] bytes, String decoded) {
        if (bytes == null) {
            return decoded;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return decoded;
        } catch (CharacterCodingException e) {
            return new RawText(bytes);
        }
    }
}
