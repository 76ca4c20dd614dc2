package com.partpal.db.domain.value;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads a date/time cell as a UTC {@link LocalDateTime} (up to nanoseconds), by hand (no regex, no exceptions);
 * java.time only builds the validated value. Returns null for anything that is not a real calendar value between the
 * years 1 and 9999. Whether the value fits the column's precision is the converter's business.
 *
 * <p>Integers are read in the column's {@link EpochUnit}; text holding only an optionally signed integer is read the
 * same way. Other text must be {@code YYYY-MM-DD} or {@code YYYY-MM-DD HH:MM[:SS[.f]]} with 1 to 9 fractional digits
 * (T or space between date and time), with an optional {@code Z} or offset {@code +HH:MM}, {@code +HHMM} or
 * {@code +HH} (also after one space, as Sequelize writes it), converted to UTC. This covers what Django, Rails,
 * Sequelize, Knex, SQLAlchemy and SQLite's own date functions write.
 */
final class DateTimeText {
    static final long MILLIS_THRESHOLD = 100_000_000_000L;
    /** 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z. */
    static final long MIN_MILLIS = -62_135_596_800_000L;
    static final long MAX_MILLIS = 253_402_300_799_999L;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;
    private static final int MAX_FRACTION_DIGITS = 9;

    private DateTimeText() {
    }

    static LocalDateTime fromEpoch(long value, EpochUnit unit) {
        boolean inMillis = switch (unit) {
            case MILLISECONDS -> true;
            case SECONDS -> false;
            case THRESHOLD -> value >= MILLIS_THRESHOLD || value <= -MILLIS_THRESHOLD;
        };
        if (!inMillis && (value > MAX_MILLIS / 1000 || value < MIN_MILLIS / 1000)) {
            return null;
        }
        long millis = inMillis ? value : value * 1000;
        if (millis < MIN_MILLIS || millis > MAX_MILLIS) {
            return null;
        }
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
                ZoneOffset.UTC);
    }

    static LocalDateTime parse(String text, EpochUnit unit) {
        if (NumberText.isIntegerLiteral(text)) {
            Long value = NumberText.parseLong(text);
            return value == null ? null : fromEpoch(value, unit);
        }
        return parseIso(text);
    }

    private static LocalDateTime parseIso(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return null;
        }
        if (n == 10) {
            return LocalDateTime.of(year, month, day, 0, 0);
        }
        char separator = s.charAt(10);
        if (separator != ' ' && separator != 'T' && separator != 't' || n < 16 || s.charAt(13) != ':') {
            return null;
        }
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        int second = 0;
        int nanos = 0;
        int i = 16;
        if (i < n && s.charAt(i) == ':') {
            second = digits(s, 17, 2);
            if (second < 0 || second > 59) {
                return null;
            }
            i = 19;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && NumberText.isDigit(s.charAt(i))) {
                    if (i - start == MAX_FRACTION_DIGITS) {
                        return null;
                    }
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                    i++;
                }
                int count = i - start;
                if (count == 0) {
                    return null;
                }
                for (int k = count; k < MAX_FRACTION_DIGITS; k++) {
                    nanos *= 10;
                }
            }
        }
        if (i < n - 1 && s.charAt(i) == ' ' && (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-')) {
            i++; // Sequelize: "2024-01-01 10:00:00.000 +00:00"
        }
        int offsetSeconds = 0;
        if (i < n) {
            char c = s.charAt(i);
            if ((c == 'Z' || c == 'z') && i + 1 == n) {
                i++;
            } else if (c == '+' || c == '-') {
                offsetSeconds = offset(s, i + 1);
                if (offsetSeconds < 0) {
                    return null;
                }
                if (c == '-') {
                    offsetSeconds = -offsetSeconds;
                }
                i = n;
            } else {
                return null;
            }
        }
        if (i != n) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        if (offsetSeconds == 0) {
            return local;
        }
        LocalDateTime utc = local.minusSeconds(offsetSeconds);
        return utc.getYear() < 1 || utc.getYear() > 9999 ? null : utc;
    }

    /** The seconds of an offset HH:MM, HHMM or HH running to the end of the text at {@code from}; -1 when invalid. */
    private static int offset(String s, int from) {
        int rest = s.length() - from;
        int hours = digits(s, from, 2);
        int minutes;
        if (rest == 2) {
            minutes = 0;
        } else if (rest == 5 && s.charAt(from + 2) == ':') {
            minutes = digits(s, from + 3, 2);
        } else if (rest == 4) {
            minutes = digits(s, from + 2, 2);
        } else {
            return -1;
        }
        if (hours < 0 || minutes < 0 || minutes > 59) {
            return -1;
        }
        int seconds = hours * 3600 + minutes * 60;
        return seconds > MAX_OFFSET_SECONDS ? -1 : seconds;
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 when they are not all there. */
    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!NumberText.isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
