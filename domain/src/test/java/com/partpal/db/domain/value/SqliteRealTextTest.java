package com.partpal.db.domain.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected texts are what {@code sqlite3 :memory: "select cast(X as text)"} (SQLite 3.40.1) printed for each X. */
class SqliteRealTextTest {
    @ParameterizedTest
    @CsvSource({
            "1.0, 1.0", "0.1, 0.1", "1e20, 1.0e+20", "123456789012345678.0, 1.23456789012346e+17",
            "1e15, 1.0e+15", "1e14, 100000000000000.0", "123456789012345.0, 123456789012345.0",
            "1e-5, 1.0e-05", "0.0001, 0.0001", "123456789012344.5, 123456789012345.0", "-0.0, 0.0", "0.0, 0.0",
            "1e308, 1.0e+308", "5e-324, 4.94065645841247e-324", "1e16, 1.0e+16", "100.0, 100.0",
            "0.30000000000000004, 0.3", "-2.5e-7, -2.5e-07", "1e100, 1.0e+100", "1e-100, 1.0e-100",
            "1234567.125, 1234567.125", "999999999999999.5, 1.0e+15", "99999999999999.95, 100000000000000.0",
            "82.94770957427545, 82.9477095742754", "6.286967857256425E17, 6.28696785725642e+17", "-1.5, -1.5",
            "0.00001234, 1.234e-05", "123456789.123, 123456789.123", "3.14159265358979, 3.14159265358979",
            "2.5e-300, 2.5e-300", "-1.7976931348623157e308, -1.79769313486232e+308",
            "999999999999999.0, 999999999999999.0", "1700000000000.0, 1700000000000.0",
            "12345678901234567890.0, 1.23456789012346e+19", "2.5, 2.5", "-123.456, -123.456",
            "123456789012345.6, 123456789012346.0", "1234567890123456.0, 1.23456789012346e+15",
            "0.000123456789012345678, 0.000123456789012346", "1.5e-100, 1.5e-100", "4.5, 4.5",
            "-1e15, -1.0e+15", "1e21, 1.0e+21", "12.0, 12.0", "100000000000000.5, 100000000000001.0",
            "2.2250738585072014e-308, 2.2250738585072e-308",
    })
    void matchesSqlitesCastAsText(String literal, String sqlite) {
        assertEquals(sqlite, SqliteRealText.of(Double.parseDouble(literal)));
    }

    @Test
    void arithmeticResultsMatchSqlite() {
        assertEquals("0.8", SqliteRealText.of(0.1 + 0.7));
        assertEquals("33.3333333333333", SqliteRealText.of(100.0 / 3));
        assertEquals("0.666666666666667", SqliteRealText.of(2.0 / 3));
        assertEquals("0.333333333333333", SqliteRealText.of(1.0 / 3));
    }

    @Test
    void infinities() {
        assertEquals("Inf", SqliteRealText.of(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", SqliteRealText.of(Double.NEGATIVE_INFINITY));
    }
}
