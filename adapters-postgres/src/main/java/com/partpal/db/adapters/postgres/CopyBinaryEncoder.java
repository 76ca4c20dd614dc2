package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.types.TargetType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Writes rows in COPY's binary format straight into a reusable byte buffer: PostgreSQL then reads integers,
 * timestamps and dates as numbers instead of parsing text, and text without escapes, which roughly halves the
 * server's work per row. Each value is encoded as its column's type ({@link TargetType}); the rowid, when kept,
 * is a trailing bigint. Text is encoded to UTF-8 by the JDK, and by hand when the result holds a '?', so an
 * unpaired surrogate fails instead of becoming '?'.
 */
final class CopyBinaryEncoder {
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    /** 2000-01-01, PostgreSQL's epoch for dates and timestamps. */
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;
    private static final byte JSONB_VERSION = 1;

    private final TargetType[] kinds;
    private byte[] buffer;
    private int size;

    CopyBinaryEncoder(List<TargetType> kinds, int initialCapacity) {
        this.kinds = kinds.toArray(TargetType[]::new);
        this.buffer = new byte[initialCapacity];
        put(HEADER, 0, HEADER.length);
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

    /** Empties the buffer and starts the next COPY's data (its header). */
    void restart() {
        size = 0;
        put(HEADER, 0, HEADER.length);
    }

    /** One row: the values in column order, then the rowid when withRowid. */
    void row(Object[] values, boolean withRowid, long rowid) {
        if (values.length != kinds.length) {
            throw new IllegalArgumentException("row of " + values.length + " values for " + kinds.length + " columns");
        }
        int16(values.length + (withRowid ? 1 : 0));
        for (int i = 0; i < values.length; i++) {
            value(kinds[i], values[i]);
        }
        if (withRowid) {
            int32(8);
            int64(rowid);
        }
    }

    /** The end-of-data marker, after the last row. */
    void trailer() {
        int16(-1);
    }

    private void value(TargetType kind, Object value) {
        if (value == null) {
            int32(-1);
            return;
        }
        try {
            switch (kind) {
                case INTEGER -> {
                    int32(4);
                    int32(Math.toIntExact(((Number) value).longValue()));
                }
                case BIGINT -> {
                    int32(8);
                    int64(((Number) value).longValue());
                }
                case BOOLEAN -> {
                    int32(1);
                    put((byte) ((Boolean) value ? 1 : 0));
                }
                case TIMESTAMP -> {
                    LocalDateTime at = (LocalDateTime) value;
                    long seconds = at.toEpochSecond(ZoneOffset.UTC) - PG_EPOCH_SECOND;
                    int32(8);
                    int64(Math.addExact(Math.multiplyExact(seconds, 1_000_000L), at.getNano() / 1_000));
                }
                case DATE -> {
                    int32(4);
                    int32(Math.toIntExact(((LocalDate) value).toEpochDay() - PG_EPOCH_DAY));
                }
                case DOUBLE -> {
                    int32(8);
                    int64(Double.doubleToRawLongBits((Double) value));
                }
                case NUMERIC -> numeric((BigDecimal) value);
                case TEXT -> text((String) value, false);
                case JSONB -> text((String) value, true);
                case BYTEA -> {
                    byte[] bytes = (byte[]) value;
                    int32(bytes.length);
                    put(bytes, 0, bytes.length);
                }
            }
        } catch (ClassCastException | ArithmeticException e) {
            throw new IllegalArgumentException("no COPY encoding of " + value.getClass().getName() + " " + value
                    + " as " + kind.sql(), e);
        }
    }

    /** numeric's binary form: base-10000 digits with the weight of the first, sign, and display scale. */
    private void numeric(BigDecimal value) {
        int dscale = Math.max(0, value.scale());
        BigDecimal abs = value.abs();
        if (abs.scale() < 0) {
            abs = abs.setScale(0);
        }
        // the digits with the decimal point after integerDigits of them, padded to whole groups of 4 on both sides
        String digits = abs.unscaledValue().toString();
        int integerDigits = digits.length() - abs.scale();
        if (integerDigits < 0) {
            digits = "0".repeat(-integerDigits) + digits;
            integerDigits = 0;
        }
        int leadingPad = (4 - integerDigits % 4) % 4;
        String padded = "0".repeat(leadingPad) + digits;
        padded = padded + "0".repeat((4 - padded.length() % 4) % 4);
        int groups = padded.length() / 4;
        short[] base10000 = new short[groups];
        for (int g = 0; g < groups; g++) {
            base10000[g] = Short.parseShort(padded.substring(g * 4, g * 4 + 4));
        }
        int weight = (integerDigits + leadingPad) / 4 - 1;
        int first = 0;
        while (first < groups && base10000[first] == 0) {
            first++;
            weight--;
        }
        int last = groups;
        while (last > first && base10000[last - 1] == 0) {
            last--;
        }
        int count = last - first;
        if (count == 0) {
            weight = 0;
        }
        int32(8 + 2 * count);
        int16(count);
        int16(weight);
        int16(value.signum() < 0 ? 0x4000 : 0);
        int16(dscale);
        for (int g = first; g < last; g++) {
            int16(base10000[g]);
        }
    }

    private void text(String text, boolean jsonb) {
        int lengthAt = size;
        int32(0);
        if (jsonb) {
            put(JSONB_VERSION);
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (!holdsQuestionMark(utf8)) {
            put(utf8, 0, utf8.length);
        } else {
            encodeStrictly(text);
        }
        int bytes = size - lengthAt - 4;
        buffer[lengthAt] = (byte) (bytes >>> 24);
        buffer[lengthAt + 1] = (byte) (bytes >>> 16);
        buffer[lengthAt + 2] = (byte) (bytes >>> 8);
        buffer[lengthAt + 3] = (byte) bytes;
    }

    /** The JDK's encoder (the fast path) writes an unpaired surrogate as '?', so only text holding one needs a closer look. */
    private static boolean holdsQuestionMark(byte[] utf8) {
        for (byte b : utf8) {
            if (b == '?') {
                return true;
            }
        }
        return false;
    }

    private void encodeStrictly(String text) {
        int length = text.length();
        ensure(length * 3);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                buffer[size++] = (byte) c;
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

    private void int16(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    private void int32(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    private void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
    }

    private void put(byte b) {
        ensure(1);
        buffer[size++] = b;
    }

    private void put(byte[] bytes, int from, int length) {
        ensure(length);
        System.arraycopy(bytes, from, buffer, size, length);
        size += length;
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}
