package com.partpal.db.domain.types;

import com.partpal.db.domain.schema.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeMapperTest {
    private static Column column(String declaredType) {
        return new Column("c", declaredType, false, null, 0);
    }

    private static String sql(String declaredType) {
        return TypeMapper.map("t", column(declaredType), false, false).sql();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "JSON|jsonb", "jsonb|jsonb", "Json|jsonb",
            "INTEGER|integer", "int|integer", "TINYINT|integer", "SMALLINT|integer", "MEDIUMINT|integer",
            "INT2|integer", "BIGINT|bigint", "bigint|bigint", "UNSIGNED BIG INT|bigint", "INT8|bigint",
            "BOOLEAN|boolean", "bool|boolean",
            "DATETIME|timestamp(3)", "datetime|timestamp(3)", "TIMESTAMP|timestamp(3)", "timestamp(3)|timestamp(3)",
            "DATE|date", "date|date",
            "REAL|double precision", "FLOAT|double precision", "DOUBLE|double precision",
            "DOUBLE PRECISION|double precision", "float8|double precision",
            "DECIMAL(10,2)|numeric(10,2)", "decimal(65, 30)|numeric(65,30)", "NUMERIC(5)|numeric(5,0)",
            "NUMERIC( 7 , 3 )|numeric(7,3)", "DECIMAL|numeric", "NUMERIC|numeric", "DECIMAL(0,0)|numeric",
            "DECIMAL(5,6)|numeric", "DECIMAL(1001,2)|numeric", "DECIMAL(a,b)|numeric", "DECIMAL(10|numeric",
            "TEXT|text", "VARCHAR(255)|text", "CHARACTER VARYING(10)|text", "NVARCHAR(100)|text", "CLOB|text",
            "char(1)|text",
            "BLOB|bytea", "blob|bytea",
            "''|text", "STRING|text", "UUID|text", "MONEY|text", "whatever|text",
            // first match wins: INT beats everything after it, as in SQLite's affinity rules
            "POINT|integer", "INTERVAL|integer", "BOOLINT|integer", "DATETEXT|date", "TIMESTAMPTZ|timestamp(3)",
    })
    void declaredTypes(String declared, String expected) {
        assertEquals(expected, sql(declared));
    }

    @Test
    void noDeclaredTypeIsText() {
        assertEquals(TargetType.TEXT, TypeMapper.map("t", column(null), false, false).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEXT", "INTEGER", "", "BLOB", "DATETIME"})
    void jsonColumnsAreJsonbWhateverTheirDeclaredType(String declared) {
        assertEquals(TargetType.JSONB, TypeMapper.map("t", column(declared), true, false).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTEGER", "INT", "SMALLINT"})
    void integerColumnsWithValuesOutside32BitsAreBigint(String declared) {
        assertEquals(TargetType.BIGINT, TypeMapper.map("t", column(declared), false, true).kind());
    }

    @Test
    void outside32BitsDoesNotChangeOtherTypes() {
        assertEquals(TargetType.TEXT, TypeMapper.map("t", column("TEXT"), false, true).kind());
        assertEquals(TargetType.DOUBLE, TypeMapper.map("t", column("REAL"), false, true).kind());
    }

    @Test
    void dateTimeColumnsAreTimestampAndDate() {
        assertTrue(TypeMapper.isDateTime(column("DATETIME")));
        assertTrue(TypeMapper.isDateTime(column("date")));
        assertTrue(TypeMapper.isDateTime(column("TIMESTAMP")));
        assertFalse(TypeMapper.isDateTime(column("INTEGER")));
        assertFalse(TypeMapper.isDateTime(column("TEXT")));
        assertFalse(TypeMapper.isDateTime(column("")));
    }
}
