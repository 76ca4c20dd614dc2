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
    private static SqliteDefaults.Translation translate(String dflt, TargetType kind) {
        return SqliteDefaults.translate(dflt, ColumnType.of(kind));
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
            "'ab'|BYTEA|'\\x6162'::bytea",
    })
    void translated(String dflt, TargetType kind, String expected) {
        SqliteDefaults.Translation t = translate(dflt, kind);
        assertEquals(expected, t.sql());
        assertNull(t.warning());
    }

    @Test
    void noDefaultAndNullMeanNoDefault() {
        assertEquals(new SqliteDefaults.Translation(null, null), translate(null, TargetType.TEXT));
        assertEquals(new SqliteDefaults.Translation(null, null), translate("NULL", TargetType.INTEGER));
        assertEquals(new SqliteDefaults.Translation(null, null), translate("(null)", TargetType.BOOLEAN));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "(strftime('%s','now'))|INTEGER|not a literal value",
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
    void untranslatableDefaultsGiveAWarning(String dflt, TargetType kind, String why) {
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
