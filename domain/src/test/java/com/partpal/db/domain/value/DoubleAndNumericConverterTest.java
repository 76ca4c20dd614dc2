package com.partpal.db.domain.value;

import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TargetType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static com.partpal.db.domain.value.ConverterAssertions.converter;
import static com.partpal.db.domain.value.ConverterAssertions.rejection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoubleAndNumericConverterTest {
    private final CellConverter dbl = converter(TargetType.DOUBLE);
    private final CellConverter numeric = converter(TargetType.NUMERIC);
    private final CellConverter money = Converters.forType(new ColumnType(TargetType.NUMERIC, 5, 2));

    @Test
    void doubleTakesIntegersAndReals() throws Exception {
        assertEquals(42.0, dbl.convert(42L));
        assertEquals(-1.5, dbl.convert(-1.5));
        assertEquals(Double.POSITIVE_INFINITY, dbl.convert(Double.POSITIVE_INFINITY));
        assertNull(dbl.convert(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "-1", "+1", "1.5", ".5", "5.", "-.5", "1e10", "1E-10", "1.5e+3", "0.0", "-0",
            "123456789012345678901234567890", "4.9e-324", "1.7976931348623157e308", "0e999"})
    void doubleTakesNumericText(String text) throws Exception {
        assertEquals(Double.parseDouble(text), dbl.convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "NaN", "Infinity", "-Infinity", "inf", " 1", "1 ", "1.5f", "1d", "0x10",
            "0x1p3", "1e", "1e+", "e5", ".", "-", "+", "1.2.3", "1,5", "1_000"})
    void doubleRejectsOtherText(String text) {
        assertEquals("not a number: '" + text + "'", rejection(dbl, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e309", "-1e400", "1e-400", "2e-400"})
    void doubleRejectsTextBeyondItsRange(String text) {
        assertEquals("out of range for double precision: '" + text + "'", rejection(dbl, text));
    }

    @Test
    void doubleRejectsBlobsAndNonUtf8Text() {
        assertEquals("not a number: a blob of 0 bytes", rejection(dbl, new byte[0]));
        assertEquals("text is not valid UTF-8", rejection(dbl, new RawText(new byte[] {(byte) 0xfe})));
    }

    @ParameterizedTest
    @CsvSource({"1.50, 1.50", "-0.001, -0.001", "1e3, 1E+3", "123456789012345678901234567890.123456789, "
            + "123456789012345678901234567890.123456789", ".5, 0.5", "+7, 7"})
    void numericKeepsTheExactDecimalOfText(String text, String expected) throws Exception {
        assertEquals(new BigDecimal(expected), numeric.convert(text));
    }

    @ParameterizedTest
    @CsvSource({
            "123456789012.123456, 123456789012.12346",
            "0.30000000000000004, 0.30000000000000004",
            "8.41e21, 8.41E+21",
            "2.82879384806159e17, 2.82879384806159E+17",
            "1.37342863480957901e18, 1.373428634809579E+18",
            "5e-324, 5E-324",
            "19.99, 19.99",
    })
    void aRealBecomesTheShortestDecimalThatReadsBackAsTheSameDouble(double real, String expected) throws Exception {
        assertEquals(new BigDecimal(expected), numeric.convert(real));
        assertEquals(new BigDecimal(expected), ShortestDecimal.of(real));
    }

    @ParameterizedTest
    @CsvSource({
            "0.005, 0.01",
            "0.015, 0.02",
            "1.005, 1.01",
            "-1.005, -1.01",
            "2.675, 2.68",
            "19.9, 19.90",
            "0.30000000000000004, 0.30",
    })
    void aRealIsRoundedHalfUpToTheScaleFromItsShortestDecimal(double real, String expected) throws Exception {
        // 1.005 is 1.00499999999999989... as a double: rounding the binary value would give 1.00
        assertEquals(new BigDecimal(expected), money.convert(real));
        assertEquals("would be rounded by numeric(5,2): '1.005'", rejection(money, "1.005"));
    }

    @Test
    void numericFromIntegersAndReals() throws Exception {
        assertEquals(BigDecimal.valueOf(Long.MAX_VALUE), numeric.convert(Long.MAX_VALUE));
        assertEquals(new BigDecimal("0.1"), numeric.convert(0.1));
        assertEquals(new BigDecimal("1E+20"), numeric.convert(1e20));
        assertEquals("not a finite number: Infinity", rejection(numeric, Double.POSITIVE_INFINITY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "NaN", "1e", " 1", "1e1234567890"})
    void numericRejectsOtherText(String text) {
        assertEquals("not a number: '" + text + "'", rejection(numeric, text));
    }

    @Test
    void numericRejectsWhatPostgresNumericCannotHold() {
        assertTrue(rejection(numeric, "1e200000").startsWith("out of range for numeric"));
        assertTrue(rejection(numeric, "1e-20000").startsWith("out of range for numeric"));
    }

    @ParameterizedTest
    @CsvSource({"123.45, 123.45", "999.99, 999.99", "-999.99, -999.99", "1.5, 1.50", "0, 0.00", "1.2300, 1.23",
            "1e2, 100.00", "0.001e1, 0.01"})
    void numericPrecisionScaleAcceptsWhatFitsWithoutRounding(String text, String expected) throws Exception {
        assertEquals(new BigDecimal(expected), money.convert(text));
    }

    @Test
    void numericPrecisionScaleRejectsRoundingAndOverflow() {
        assertEquals("would be rounded by numeric(5,2): '1.234'", rejection(money, "1.234"));
        assertEquals("too large for numeric(5,2): 999.995", rejection(money, 999.995));
        assertEquals("too large for numeric(5,2): '1000'", rejection(money, "1000"));
        assertEquals("too large for numeric(5,2): 1000", rejection(money, 1000L));
        assertEquals("too large for numeric(5,2): '999.995e1'", rejection(money, "999.995e1"));
    }
}
