package com.partpal.db.domain.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * SQLite's own text of a REAL, as {@code CAST(x AS TEXT)} gives it: printf format {@code "%!.15g"}. That is 15
 * significant digits rounded half-up, trailing zeros removed but always one digit after the point ("1.0"),
 * exponent form when the decimal exponent is below -4 or above 14 ("1.0e+20", "1.0e-05", two exponent digits at
 * least), "Inf"/"-Inf", and no negative zero ("0.0").
 *
 * <p>Digits are rounded from the double's exact binary value. SQLite decodes through an approximation (long double
 * before 3.43, a 64-bit power-of-ten table since), so for a few values in a thousand, nearly all with a decimal
 * exponent beyond +-70, and for values within a hair of a rounding tie, SQLite's 15th digit can differ by one
 * (and differs between SQLite versions too).
 */
public final class SqliteRealText {
    private static final MathContext SHOWN = new MathContext(15, RoundingMode.HALF_UP);

    private SqliteRealText() {
    }

    public static String of(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        if (value == 0.0) {
            return "0.0";
        }
        BigDecimal rounded = new BigDecimal(Math.abs(value)).round(SHOWN).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        if (exponent < -4 || exponent > 14) {
            appendExponentForm(out, rounded.unscaledValue().toString(), exponent);
        } else {
            out.append(rounded.toPlainString());
            if (rounded.scale() <= 0) {
                out.append(".0");
            }
        }
        return out.toString();
    }

    private static void appendExponentForm(StringBuilder out, String digits, int exponent) {
        out.append(digits.charAt(0)).append('.');
        out.append(digits.length() > 1 ? digits.substring(1) : "0");
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        out.append(magnitude);
    }
}
