package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.types.TargetType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyBinaryEncoderTextTest {
    /** The field bytes of a one-column text row: after the 19-byte header, the 2-byte count and 4-byte length. */
    private static byte[] encoded(String text) {
        CopyBinaryEncoder encoder = new CopyBinaryEncoder(List.of(TargetType.TEXT), 16);
        encoder.row(new Object[] {text}, false, 0);
        return Arrays.copyOfRange(encoder.buffer(), 19 + 2 + 4, encoder.size());
    }

    @Test
    void textIsItsUtf8BytesWithOrWithoutQuestionMarks() {
        for (String text : List.of("plain ascii", "café 😀 ünïcödé", "who? what? 😀?", "?", "")) {
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), encoded(text), text);
        }
    }

    @Test
    void anUnpairedSurrogateFailsInsteadOfBecomingAQuestionMark() {
        for (String text : List.of("a\uD83Db", "end \uDE00", "\uD83D")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoded(text));
            assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
        }
    }
}
