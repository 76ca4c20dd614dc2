package com.partpal.db.adapters.postgres;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * Writes rows in COPY's text format (tab-separated, \N for NULL, backslash escapes) straight into a reusable byte
 * buffer, encoding UTF-8 by hand so a row costs no allocation beyond Double and BigDecimal text.
 */
final class CopyTextEncoder {
    private static final byte[] HEX = "0123456789abcdef".getBytes();
    private byte[] buffer;
    private int size;

    CopyTextEncoder(int initialCapacity) {
        buffer = new byte[initialCapacity];
    }

    byte[] buffer() {
        return buffer;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** One row: the values in column order, then the rowid when withRowid. */
    void row(Object[] values, boolean withRowid, long rowid) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            value(values[i]);
        }
        if (withRowid) {
            if (values.length > 0) {
                put((byte) '\t');
            }
            number(rowid);
        }
        put((byte) '\n');
    }

    void value(Object value) {
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
        } else if (value instanceof String text) {
            text(text);
        } else if (value instanceof Long number) {
            number(number);
        } else if (value instanceof Integer number) {
            number(number);
        } else if (value instanceof Boolean flag) {
            put((byte) (flag ? 't' : 'f'));
        } else if (value instanceof LocalDateTime timestamp) {
            timestamp(timestamp);
        } else if (value instanceof LocalDate date) {
            date(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), true);
        } else if (value instanceof Double number) {
            doubleValue(number);
        } else if (value instanceof BigDecimal decimal) {
            ascii(decimal.toPlainString());
        } else if (value instanceof byte[] bytes) {
            bytea(bytes);
        } else {
            throw new IllegalArgumentException("no COPY encoding for " + value.getClass().getName());
        }
    }

    private void doubleValue(double number) {
        if (Double.isNaN(number)) {
            ascii("NaN");
        } else if (Double.isInfinite(number)) {
            ascii(number > 0 ? "Infinity" : "-Infinity");
        } else {
            // Double.toString is the shortest text that reads back as the same double
            ascii(Double.toString(number));
        }
    }

    /** yyyy-MM-dd HH:mm:ss.SSS; years before 1 as PostgreSQL's "BC" (year 0 is 1 BC). */
    private void timestamp(LocalDateTime timestamp) {
        date(timestamp.getYear(), timestamp.getMonthValue(), timestamp.getDayOfMonth(), false);
        put((byte) ' ');
        digits(timestamp.getHour(), 2);
        put((byte) ':');
        digits(timestamp.getMinute(), 2);
        put((byte) ':');
        digits(timestamp.getSecond(), 2);
        put((byte) '.');
        digits(timestamp.getNano() / 1_000_000, 3);
        if (timestamp.getYear() < 1) {
            ascii(" BC");
        }
    }

    private void date(int year, int month, int day, boolean withEra) {
        digits(year < 1 ? 1 - year : year, 4);
        put((byte) '-');
        digits(month, 2);
        put((byte) '-');
        digits(day, 2);
        if (withEra && year < 1) {
            ascii(" BC");
        }
    }

    /** bytea hex input; the backslash itself is escaped for COPY. */
    private void bytea(byte[] bytes) {
        ensure(3 + bytes.length * 2);
        buffer[size++] = '\\';
        buffer[size++] = '\\';
        buffer[size++] = 'x';
        for (byte b : bytes) {
            buffer[size++] = HEX[(b >> 4) & 0xf];
            buffer[size++] = HEX[b & 0xf];
        }
    }

    private void text(String text) {
        int length = text.length();
        ensure(length * 3 + 2);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> escape('\\');
                    case '\t' -> escape('t');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    default -> buffer[size++] = (byte) c;
                }
            } else if (c < 0x800) {
                buffer[size++] = (byte) (0xc0 | (c >> 6));
                buffer[size++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                buffer[size++] = (byte) (0xf0 | (codePoint >> 18));
                buffer[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
                buffer[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
                buffer[size++] = (byte) (0x80 | (codePoint & 0x3f));
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("text holds an unpaired surrogate U+" + Integer.toHexString(c));
            } else {
                buffer[size++] = (byte) (0xe0 | (c >> 12));
                buffer[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buffer[size++] = (byte) (0x80 | (c & 0x3f));
            }
        }
    }

    private void escape(char c) {
        buffer[size++] = '\\';
        buffer[size++] = (byte) c;
    }

    private void number(long value) {
        if (value == Long.MIN_VALUE) {
            ascii("-9223372036854775808");
            return;
        }
        ensure(20);
        if (value < 0) {
            buffer[size++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = size + digits - 1; i >= size; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += digits;
    }

    /** A non-negative number, zero-padded to at least width digits. */
    private void digits(int value, int width) {
        int digits = 1;
        for (int rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int pad = digits; pad < width; pad++) {
            put((byte) '0');
        }
        number(value);
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        buffer[size++] = b;
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}
