package com.partpal.db.domain.value;

/** Hand-written recognisers for numeric text (no regex, no exceptions: they run once per cell). */
final class NumberText {
    private NumberText() {
    }

    /** An optional sign followed by one or more ASCII digits, nothing else. */
    static boolean isIntegerLiteral(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (i == n) {
            return false;
        }
        for (; i < n; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The value of an integer literal, or null when the text is not one or does not fit a long. */
    static Long parseLong(String s) {
        if (!isIntegerLiteral(s)) {
            return null;
        }
        boolean negative = s.charAt(0) == '-';
        int i = s.charAt(0) == '+' || negative ? 1 : 0;
        long acc = 0; // accumulated negatively so Long.MIN_VALUE fits
        for (; i < s.length(); i++) {
            int digit = s.charAt(i) - '0';
            if (acc < (Long.MIN_VALUE + digit) / 10) {
                return null;
            }
            acc = acc * 10 - digit;
        }
        if (!negative) {
            if (acc == Long.MIN_VALUE) {
                return null;
            }
            acc = -acc;
        }
        return acc;
    }

    /**
     * A decimal number: optional sign, digits with an optional point (at least one digit), optional exponent
     * {@code e[+-]digits}. No whitespace, no NaN/Infinity words, no hex, no type suffixes.
     */
    static boolean isDecimal(String s) {
        return exponentStart(s) >= 0;
    }

    /** Where the exponent marker of a decimal number is (its length when it has none), or -1 when not decimal. */
    static int exponentStart(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return -1;
        }
        int mark = i;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return -1;
            }
        }
        return i == n ? mark : -1;
    }

    /** True when s[from, to) holds a digit 1-9. */
    static boolean hasNonZeroDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
