package com.partpal.db.domain.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as the same double: what JavaScript (the Prisma client), Python's repr and
 * Java 19+ print, so the value an app showed for a REAL. Java 17's {@link Double#toString} is not always the shortest
 * (it can give 8.409999999999999E21 where 8.41E21 reads back the same), so its answer is only trusted when it has at
 * most 15 significant digits: at most one decimal of 15 digits or fewer reads back as a given double (DBL_DIG), so such
 * an answer is the shortest (subnormal doubles excepted). Otherwise the lengths 15, 16 and 17 are tried (a 15-digit one that reads back, its
 * trailing zeros removed, is that unique shortest): at each the decimal nearest the double's exact value, then the
 * neighbour on its other side (the rounding interval of a power of two is lopsided); the nearest of 17 digits always
 * reads back.
 */
public final class ShortestDecimal {
    private static final int UNIQUE_DIGITS = 15;
    private static final int ENOUGH_DIGITS = 17;

    private ShortestDecimal() {
    }

    /** The shortest decimal of a finite double, without trailing zeros (0 for both zeros). */
    public static BigDecimal of(double value) {
        if (value == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal quick = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        boolean subnormal = Math.abs(value) < Double.MIN_NORMAL; // fewer bits: DBL_DIG does not hold
        if (quick.precision() <= UNIQUE_DIGITS && !subnormal) {
            return quick;
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = subnormal ? 1 : UNIQUE_DIGITS; digits < ENOUGH_DIGITS; digits++) {
            BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == value) {
                return nearest.stripTrailingZeros();
            }
            // the other neighbour: nearer the double's wider side of a lopsided interval
            RoundingMode other = nearest.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR;
            BigDecimal farther = exact.round(new MathContext(digits, other));
            if (farther.doubleValue() == value) {
                return farther.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(ENOUGH_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
