package com.partpal.db.domain.value;

import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TargetType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteDefaultsTest {
    private static SqliteDefaults.Translation translate(String dflt, String kind) {
        ColumnType type = kind.equals("TIMESTAMP6") ? ColumnType.timestamp(6) : ColumnType.of(TargetType.valueOf(kind));
        return SqliteDefaults.translate(dflt, type);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "CURRENT_TIMESTAMP|TIMESTAMP|CURRENT_TIMESTAMP",
            "current_timestamp|TIMESTAMP|CURRENT_TIMESTAMP",
            "(datetime('now'))|TIMESTAMP|CURRENT_TIMESTAMP",
            "datetime( 'now' )|TIMESTAMP|CURRENT_TIMESTAMP",
            "CURRENT_DATE|DATE|CURRENT_DATE",
            "CURRENT_TIMESTAMP|DATE|CURRENT_DATE",
            "CURRENT_DATE|TIMESTAMP|CURRENT_DATE",
            "CURRENT_TIMESTAMP|TEXT|to_char(CURRENT_TIMESTAMP AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')",
            "CURRENT_DATE|TEXT|to_char(CURRENT_TIMESTAMP AT TIME ZONE 'UTC', 'YYYY-MM-DD')",
            "CURRENT_TIME|TEXT|to_char(CURRENT_TIMESTAMP AT TIME ZONE 'UTC', 'HH24:MI:SS')",
            "'BUYER'|TEXT|'BUYER'",
            "'it''s'|TEXT|'it''s'",
            "''|TEXT|''",
            "\"quoted\"|TEXT|'quoted'",
            "('x')|TEXT|'x'",
            "0|INTEGER|0",
            "-1|INTEGER|-1",
            "+5|BIGINT|5",
            "(42)|BIGINT|42",
            "'7'|INTEGER|7",
            "3.0|INTEGER|3",
            "0|TEXT|'0'",
            "1.50|TEXT|'1.5'",
            "-1.5|DOUBLE|-1.5",
            "1e3|DOUBLE|1000.0",
            "0|DOUBLE|0.0",
            "-1.50|NUMERIC|-1.50",
            "0.1|NUMERIC|0.1",
            "0|BOOLEAN|false",
            "1|BOOLEAN|true",
            "TRUE|BOOLEAN|true",
            "false|BOOLEAN|false",
            "'t'|BOOLEAN|true",
            "'FALSE'|BOOLEAN|false",
            "(1)|BOOLEAN|true",
            "true|INTEGER|1",
            "'[]'|JSONB|'[]'",
            "'{\"a\": 1}'|JSONB|'{\"a\": 1}'",
            "0|JSONB|'0'",
            "'2024-01-15'|TIMESTAMP|'2024-01-15 00:00:00.000'",
            "'2024-01-15T10:00:00+02:00'|TIMESTAMP|'2024-01-15 08:00:00.000'",
            "0|TIMESTAMP|'1970-01-01 00:00:00.000'",
            "'2024-01-15'|DATE|'2024-01-15'",
            "X'00ff'|BYTEA|'\\x00ff'::bytea",
            "datetime('now','localtime')|TIMESTAMP|LOCALTIMESTAMP",
            "(datetime('now', 'localtime'))|TEXT|to_char(LOCALTIMESTAMP, 'YYYY-MM-DD HH24:MI:SS')",
            "date('now','localtime')|DATE|CURRENT_DATE",
            "time('now','localtime')|TEXT|to_char(LOCALTIMESTAMP, 'HH24:MI:SS')",
            "strftime('%Y-%m-%d %H:%M:%f', 'now')|TEXT|to_char(CURRENT_TIMESTAMP AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')",
            "STRFTIME('%Y-%m-%dT%H:%M:%fZ', 'now')|TEXT|`to_char(CURRENT_TIMESTAMP AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')`",
            "strftime('%Y-%m-%d %H:%M:%S', 'now')|TIMESTAMP|CURRENT_TIMESTAMP",
            "STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')|TIMESTAMP|CURRENT_TIMESTAMP",
            "datetime('NOW', 'LocalTime')|TIMESTAMP|LOCALTIMESTAMP",
            "'STRFTIME(''%Y-%m-%d %H:%M:%f'', ''NOW'')'|TEXT|`'STRFTIME(''%Y-%m-%d %H:%M:%f'', ''NOW'')'`",
            "(strftime('%s','now'))|BIGINT|floor(extract(epoch FROM CURRENT_TIMESTAMP))::bigint",
            "unixepoch()|TEXT|floor(extract(epoch FROM CURRENT_TIMESTAMP))::bigint::text",
            "(CAST(strftime('%s', 'now') AS INTEGER))|INTEGER|floor(extract(epoch FROM CURRENT_TIMESTAMP))::bigint",
            "(strftime('%s', 'now') * 1000)|BIGINT|floor(extract(epoch FROM CURRENT_TIMESTAMP) * 1000)::bigint",
            "(unixepoch() * 1000)|BIGINT|floor(extract(epoch FROM CURRENT_TIMESTAMP) * 1000)::bigint",
            "(cast((julianday('now') - 2440587.5)*86400000 as integer))|BIGINT|floor(extract(epoch FROM CURRENT_TIMESTAMP) * 1000)::bigint",
            "(strftime('%s','now') * 1000)|TIMESTAMP|CURRENT_TIMESTAMP(3)",
            "julianday('now')|DOUBLE|(extract(epoch FROM CURRENT_TIMESTAMP) / 86400 + 2440587.5)",
            "json_object()|JSONB|'{}'",
            "(json_array())|JSONB|'[]'",
            "json('{\"a\":[1,2]}')|JSONB|'{\"a\":[1,2]}'",
            "'{}'|TEXT|'{}'",
            "-2.5e-3|NUMERIC|-0.0025",
            "X''|BYTEA|'\\x'::bytea",
            "'2024-01-15 10:00:00.123456'|TIMESTAMP6|'2024-01-15 10:00:00.123456'",
            "'ab'|BYTEA|'\\x6162'::bytea",
    })
    void translated(String dflt, String kind, String expected) {
        SqliteDefaults.Translation t = translate(dflt, kind);
        assertEquals(expected, t.sql());
        assertNull(t.warning());
    }

    @Test
    void epochMillisecondsFromSecondsAndTheFractionOfStrftime() {
        assertEquals("floor(extract(epoch FROM CURRENT_TIMESTAMP) * 1000)::bigint::text",
                translate("(strftime('%s','now') || substr(strftime('%f','now'),4))", "TEXT").sql());
        assertTrue(SqliteDefaults.isEpochClock("(strftime('%s', 'now') || substr(strftime('%f', 'now'), 4))"));
        assertTrue(SqliteDefaults.isEpochClock("unixepoch()"));
        assertTrue(!SqliteDefaults.isEpochClock("CURRENT_TIMESTAMP") && !SqliteDefaults.isEpochClock(null));
    }

    @Test
    void noDefaultAndNullMeanNoDefault() {
        assertEquals(new SqliteDefaults.Translation(null, null), translate(null, "TEXT"));
        assertEquals(new SqliteDefaults.Translation(null, null), translate("NULL", "INTEGER"));
        assertEquals(new SqliteDefaults.Translation(null, null), translate("(null)", "BOOLEAN"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "(strftime('%s','now', 'localtime'))|INTEGER|not a literal value",
            "datetime('now', '+1 day')|TIMESTAMP|not a literal value",
            "(1 + 2)|INTEGER|not a literal value",
            "abs(-1)|INTEGER|not a literal value",
            "lower('A')|TEXT|not a literal value",
            "'unterminated|TEXT|not a literal value",
            "X'0G'|BYTEA|not a literal value",
            "CURRENT_TIMESTAMP|INTEGER|a clock value in a integer column",
            "CURRENT_TIME|TIMESTAMP|a clock value in a timestamp(3) column",
            "2|BOOLEAN|not a boolean: 2",
            "'maybe'|BOOLEAN|not a boolean: 'maybe'",
            "1.5|INTEGER|not an integer: 1.5",
            "'abc'|INTEGER|not an integer: 'abc'",
            "'{'|JSONB|not valid JSON: '{' (unexpected end of input at offset 1)",
            "'not a date'|TIMESTAMP|not a valid date/time: 'not a date'",
            "1|BYTEA|not binary data: 1",
            "X'00'|TEXT|not text: a blob of 1 bytes",
    })
    void untranslatableDefaultsGiveAWarning(String dflt, String kind, String why) {
        SqliteDefaults.Translation t = translate(dflt, kind);
        assertNull(t.sql());
        assertEquals("default " + dflt + " is not translated (" + why + ")", t.warning());
    }

    @Test
    void numericPrecisionIsRespected() {
        SqliteDefaults.Translation t = SqliteDefaults.translate("1.234", new ColumnType(TargetType.NUMERIC, 5, 2));
        assertNull(t.sql());
        assertTrue(t.warning().contains("would be rounded by numeric(5,2)"));
        assertEquals("1.20", SqliteDefaults.translate("1.2", new ColumnType(TargetType.NUMERIC, 5, 2)).sql());
    }

    @Test
    void outerParenthesesAreOnlyStrippedWhenTheyWrapEverything() {
        assertEquals("0", SqliteDefaults.withoutOuterParentheses("((0))"));
        assertEquals("(1) + (2)", SqliteDefaults.withoutOuterParentheses("(1) + (2)"));
        assertEquals("')('", SqliteDefaults.withoutOuterParentheses("(')(')"));
    }
}
