package com.partpal.db.domain.value;

import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TargetType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static com.partpal.db.domain.value.ConverterAssertions.converter;
import static com.partpal.db.domain.value.ConverterAssertions.rejection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateTimeConverterTest {
    private final CellConverter timestamp = converter(TargetType.TIMESTAMP);
    private final CellConverter date = converter(TargetType.DATE);

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Test
    void nullStaysNull() throws Exception {
        assertNull(timestamp.convert(null));
        assertNull(date.convert(null));
    }

    @ParameterizedTest
    @ValueSource(longs = {100_000_000_000L, 1_700_000_000_123L, -100_000_000_000L, -1_700_000_000_001L,
            253_402_300_799_999L, -62_135_596_800_000L})
    void integersFromTheThresholdUpAreEpochMillis(long value) throws Exception {
        assertEquals(utc(Instant.ofEpochMilli(value)), timestamp.convert(value));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -1, 99_999_999_999L, -60_000_000_000L, 1_700_000_000L, 86_399})
    void smallerIntegersAreEpochSeconds(long value) throws Exception {
        assertEquals(utc(Instant.ofEpochSecond(value)), timestamp.convert(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1700000000", "+1700000000", "-1700000000", "1700000000123", "0", "007", "20230115"})
    void textHoldingOnlyAnIntegerIsReadLikeAnInteger(String text) throws Exception {
        long value = Long.parseLong(text);
        assertEquals(timestamp.convert(value), timestamp.convert(text));
    }

    @ParameterizedTest
    @CsvSource({
            "2023-01-15, 2023-01-15T00:00",
            "2023-01-15 10:20, 2023-01-15T10:20",
            "2023-01-15T10:20, 2023-01-15T10:20",
            "2023-01-15 10:20:30, 2023-01-15T10:20:30",
            "2023-01-15T10:20:30.5, 2023-01-15T10:20:30.500",
            "2023-01-15T10:20:30.12, 2023-01-15T10:20:30.120",
            "2023-01-15 10:20:30.123, 2023-01-15T10:20:30.123",
            "2023-01-15 10:20:30.123000, 2023-01-15T10:20:30.123",
            "2023-01-15 10:20:30.000000000, 2023-01-15T10:20:30",
            "2023-01-15T10:20:30Z, 2023-01-15T10:20:30",
            "2023-01-15T10:20:30.123Z, 2023-01-15T10:20:30.123",
            "2023-01-15t10:20:30z, 2023-01-15T10:20:30",
            "2024-02-29 23:59:59, 2024-02-29T23:59:59",
            "2000-02-29, 2000-02-29T00:00",
            "0001-01-01 00:00:00, 0001-01-01T00:00",
            "9999-12-31 23:59:59.999, 9999-12-31T23:59:59.999",
    })
    void isoAndSqliteTextForms(String text, LocalDateTime expected) throws Exception {
        assertEquals(expected, timestamp.convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-01-15T10:20:30+02:00", "2023-01-15 10:20-05:30", "2023-01-15T01:00:00.250+03:00",
            "2023-12-31T23:30:00-01:00", "2023-01-01T00:30:00+01:00", "2023-01-15T10:20:30-00:00",
            "2023-01-15T10:20:30+14:00"})
    void offsetsAreConvertedToUtc(String text) throws Exception {
        String iso = text.replace(' ', 'T');
        if (iso.length() == "2023-01-15T10:20-05:30".length()) {
            iso = iso.substring(0, 16) + ":00" + iso.substring(16);
        }
        LocalDateTime expected = OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        assertEquals(expected, timestamp.convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not a date", "0000-00-00 00:00:00", "0000-01-01", "2023-02-29",
            "1900-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00", "2023-01-32",
            "2023-01-15 25:00:00", "2023-01-15 24:00:00", "2023-01-15 10:60:00", "2023-01-15 10:00:60",
            "2023-01-15 10:00:61", "2023-01-15 10:20:30.1234567891", "2023-01-15 10:20:30.",
            "2023-01-15 10", "2023-01-15 10:2", "2023-01-15 1:20", "2023-1-15", "23-01-15",
            "2023/01/15", " 2023-01-15", "2023-01-15 ", "2023-01-15  10:20", "2023-01-15X10:20",
            "2023-01-15Z", "2023-01-15T10:20:30+020", "2023-01-15T10:20:30+2", "2023-01-15T10:20:30+02:60",
            "2023-01-15T10:20:30+19:00", "2023-01-15T10:20:30  +02:00", "2023-01-15T10:20:30 Z", "2023-01-15T10:20:30ZZ",
            "2023-01-15T10:20:30.123+02:00x", "12abc", "1e9", "1700000000.5", "+", "-",
            "99999999999999999999", "0001-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00",
            "2023-01-15T10:20:30.-1", "１９７０-01-01"})
    void anythingElseRejects(String text) {
        assertEquals("not a valid date/time: '" + text + "'", rejection(timestamp, text));
        assertTrue(rejection(date, text).startsWith("not a valid date/time"));
    }

    @ParameterizedTest
    @ValueSource(longs = {253_402_300_800_000L, -62_135_596_800_001L, Long.MAX_VALUE, Long.MIN_VALUE})
    void epochValuesOutsideYears1To9999Reject(long value) {
        assertEquals("not a valid date/time: " + value, rejection(timestamp, value));
    }

    @ParameterizedTest
    @ValueSource(doubles = {2460000.5, 1.7e12, 0.0, 1700000000.0})
    void aRealRejectsBecauseSqliteWouldReadItAsAJulianDay(double value) {
        assertTrue(rejection(timestamp, value).contains("Julian day"));
        assertTrue(rejection(date, value).contains(String.valueOf(value)));
    }

    @Test
    void blobsAndNonUtf8TextReject() {
        assertEquals("not a valid date/time: a blob of 3 bytes", rejection(timestamp, new byte[3]));
        assertEquals("text is not valid UTF-8", rejection(timestamp, new RawText(new byte[] {(byte) 0xff})));
    }

    @Test
    void dateColumnsKeepTheUtcCalendarDateAndRejectATimeOfDay() throws Exception {
        assertEquals(LocalDate.of(2023, 1, 15), date.convert("2023-01-15"));
        assertEquals(LocalDate.of(2023, 1, 15), date.convert("2023-01-15 00:00:00.000000"));
        assertEquals(LocalDate.of(2023, 1, 14), date.convert("2023-01-14T02:00:00+02:00"));
        assertEquals(LocalDate.of(2023, 1, 16), date.convert("2023-01-15T22:00:00-02:00"));
        assertEquals(LocalDate.of(2023, 11, 14), date.convert(1_699_920_000_000L));
        assertEquals(LocalDate.of(1969, 12, 31), date.convert(-86_400L));
        assertEquals("has a time of day, which a date column cannot hold: '2023-01-15 10:20'",
                rejection(date, "2023-01-15 10:20"));
        assertEquals("has a time of day, which a date column cannot hold: 1700000000123",
                rejection(date, 1_700_000_000_123L));
        assertEquals("has a time of day, which a date column cannot hold: -1", rejection(date, -1L));
    }

    @ParameterizedTest
    @CsvSource({
            "2023-01-15 10:20:30.123456, 2023-01-15T10:20:30.123456",
            "2023-01-15T10:20:30.1234, 2023-01-15T10:20:30.1234",
            "2023-01-15 10:20:30.123456000, 2023-01-15T10:20:30.123456",
            "2023-01-15T10:20:30.123456Z, 2023-01-15T10:20:30.123456",
            "2023-01-15 10:20:30.123456+00:00, 2023-01-15T10:20:30.123456",
            "2023-01-15 10:20:30.000 +02:00, 2023-01-15T08:20:30",
            "2023-01-15T10:20:30+0200, 2023-01-15T08:20:30",
            "2023-01-15T10:20:30.5-03, 2023-01-15T13:20:30.5",
    })
    void djangoRailsSequelizeAndSqlalchemyFormsKeepMicrosecondsInATimestamp6(String text, LocalDateTime expected)
            throws Exception {
        CellConverter micros = Converters.forColumn(ColumnType.timestamp(6), EpochUnit.THRESHOLD);
        assertEquals(expected, micros.convert(text));
    }

    @ParameterizedTest
    @CsvSource({
            "2023-01-15 10:20:30.1234, 3",
            "2023-01-15 10:20:30.1230001, 3",
            "2023-01-15 10:20:30.1234567, 6",
            "2023-01-15 10:20:30.000000001, 6",
    })
    void valuesFinerThanTheColumnKeepsAreRejectedNeverRounded(String text, int precision) {
        CellConverter converter = Converters.forColumn(ColumnType.timestamp(precision), EpochUnit.THRESHOLD);
        assertEquals("has fractional seconds finer than timestamp(" + precision + ") keeps: '" + text + "'",
                rejection(converter, text));
    }

    @ParameterizedTest
    @CsvSource({
            "0, 1970-01-01T00:00",
            "86400000, 1970-01-02T00:00",
            "-1000, 1969-12-31T23:59:59",
            "1, 1970-01-01T00:00:00.001",
            "1700000000123, 2023-11-14T22:13:20.123",
    })
    void prismaDateTimeIntegersAreEpochMillisWhateverTheirSize(long value, LocalDateTime expected) throws Exception {
        CellConverter prisma = Converters.forColumn(ColumnType.of(TargetType.TIMESTAMP), EpochUnit.MILLISECONDS);
        assertEquals(expected, prisma.convert(value));
        assertEquals(expected, prisma.convert(Long.toString(value)));
    }

    @ParameterizedTest
    @CsvSource({
            "0, 1970-01-01T00:00",
            "86400, 1970-01-02T00:00",
            "1700000000000, ",
    })
    void secondsOverrideReadsEveryIntegerAsSeconds(long value, LocalDateTime expected) throws Exception {
        CellConverter seconds = Converters.forColumn(ColumnType.of(TargetType.TIMESTAMP), EpochUnit.SECONDS);
        if (expected == null) {
            assertEquals("not a valid date/time: " + value, rejection(seconds, value));
        } else {
            assertEquals(expected, seconds.convert(value));
        }
    }

    @Test
    void resultDoesNotDependOnTheJvmTimeZone() throws Exception {
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Africa/Johannesburg"));
            Object inJohannesburg = timestamp.convert(1_700_000_000_000L);
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
            assertEquals(inJohannesburg, timestamp.convert(1_700_000_000_000L));
            assertEquals(utc(Instant.ofEpochMilli(1_700_000_000_000L)), inJohannesburg);
        } finally {
            java.util.TimeZone.setDefault(saved);
        }
    }
}
