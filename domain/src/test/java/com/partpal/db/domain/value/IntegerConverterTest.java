package com.partpal.db.domain.value;

import com.partpal.db.domain.types.TargetType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.partpal.db.domain.value.ConverterAssertions.converter;
import static com.partpal.db.domain.value.ConverterAssertions.rejection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IntegerConverterTest {
    private final CellConverter integer = converter(TargetType.INTEGER);
    private final CellConverter bigint = converter(TargetType.BIGINT);

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void integersWithin32Bits(long value) throws Exception {
        assertEquals(value, integer.convert(value));
        assertEquals(value, bigint.convert(value));
    }

    @ParameterizedTest
    @ValueSource(longs = {Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, Long.MAX_VALUE, Long.MIN_VALUE})
    void outside32BitsOnlyBigintAccepts(long value) throws Exception {
        assertEquals(value, bigint.convert(value));
        assertEquals("out of range for integer: " + value, rejection(integer, value));
    }

    @ParameterizedTest
    @CsvSource({"3.0, 3", "-3.0, -3", "0.0, 0", "-0.0, 0", "1.0E15, 1000000000000000",
            "-9.223372036854775808E18, -9223372036854775808", "9.007199254740992E15, 9007199254740992"})
    void realsWithAnIntegralValue(double real, long expected) throws Exception {
        assertEquals(expected, bigint.convert(real));
    }

    @ParameterizedTest
    @ValueSource(doubles = {3.5, -0.1, 1e-300, 9.223372036854775808E18, 1e19, -1e19, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN})
    void otherRealsReject(double real) {
        assertEquals("not an integer: " + real, rejection(bigint, real));
    }

    @Test
    void aRealBeyond32BitsRejectsInAnIntegerColumn() {
        assertEquals("out of range for integer: 3.0E9", rejection(integer, 3.0e9));
    }

    @ParameterizedTest
    @CsvSource({"42, 42", "-42, -42", "+42, 42", "007, 7", "-0, 0", "9223372036854775807, 9223372036854775807",
            "-9223372036854775808, -9223372036854775808"})
    void textHoldingAnIntegerLiteral(String text, long expected) throws Exception {
        assertEquals(expected, bigint.convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12abc", "3.5", "3.0", "1e3", " 1", "1 ", "+", "-", "--1", "+-1", "0x1F", "1_000",
            "1,000", "abc", "٣"})
    void otherTextRejects(String text) {
        assertEquals("not an integer: '" + text + "'", rejection(bigint, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "99999999999999999999999"})
    void integerTextBeyondSixtyFourBitsRejects(String text) {
        assertEquals("out of range for bigint: '" + text + "'", rejection(bigint, text));
    }

    @Test
    void integerTextBeyond32BitsRejectsInAnIntegerColumn() {
        assertEquals("out of range for integer: '2147483648'", rejection(integer, "2147483648"));
    }

    @Test
    void blobsNonUtf8TextAndNull() throws Exception {
        assertEquals("not an integer: a blob of 2 bytes", rejection(integer, new byte[] {1, 2}));
        assertEquals("text is not valid UTF-8", rejection(integer, new RawText(new byte[] {(byte) 0x80})));
        assertNull(integer.convert(null));
    }
}
