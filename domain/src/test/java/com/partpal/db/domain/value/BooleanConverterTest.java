package com.partpal.db.domain.value;

import com.partpal.db.domain.types.TargetType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.partpal.db.domain.value.ConverterAssertions.converter;
import static com.partpal.db.domain.value.ConverterAssertions.rejection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BooleanConverterTest {
    private final CellConverter bool = converter(TargetType.BOOLEAN);

    @Test
    void integersZeroAndOne() throws Exception {
        assertEquals(Boolean.FALSE, bool.convert(0L));
        assertEquals(Boolean.TRUE, bool.convert(1L));
        assertNull(bool.convert(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"t", "true", "y", "yes", "on", "1", "T", "TRUE", "True", "YES", "On", "tRuE", "Y"})
    void trueWords(String word) throws Exception {
        assertEquals(Boolean.TRUE, bool.convert(word));
    }

    @ParameterizedTest
    @ValueSource(strings = {"f", "false", "n", "no", "off", "0", "F", "FALSE", "False", "NO", "OFF", "oFf", "N"})
    void falseWords(String word) throws Exception {
        assertEquals(Boolean.FALSE, bool.convert(word));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "maybe", "2", "-1", "01", "00", "o", "tr", "fa", "ye", " true", "true ", "\ttrue",
            "yes\n", "truee", "+1", "1.0", "0.0", "nope", "falsey", "ｔｒｕｅ"})
    void otherTextRejects(String word) {
        assertEquals("not a boolean: '" + word + "'", rejection(bool, word));
    }

    @ParameterizedTest
    @ValueSource(longs = {2, -1, 10, Long.MAX_VALUE, Long.MIN_VALUE})
    void otherIntegersReject(long value) {
        assertEquals("not a boolean: " + value, rejection(bool, value));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, 0.5})
    void realsReject(double value) {
        assertEquals("not a boolean: " + value, rejection(bool, value));
    }

    @Test
    void blobsAndNonUtf8TextReject() {
        assertEquals("not a boolean: a blob of 1 bytes", rejection(bool, new byte[] {1}));
        assertEquals("text is not valid UTF-8", rejection(bool, new RawText(new byte[] {(byte) 0xc3})));
    }
}
