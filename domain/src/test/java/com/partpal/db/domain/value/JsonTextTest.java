package com.partpal.db.domain.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "1", "-1", "0.5", "-0.5e-3", "1E10", "1e+10", "12345678901234567890123456789",
            "true", "false", "null", "\"\"", "\"a\"", "[]", "{}", "[ ]", "{ }", "[1,2,3]", "[[[]]]",
            "{\"a\":{\"b\":[1,{\"c\":null}]}}", " \t\n\r[1] \t\n\r", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
            "\"\\u0041\\u00e9\\uFFFF\"", "\"\\ud83d\\ude00\"", "\"\\uD83D\\uDE00\"", "\"😀 é\"", "{\"\":1}",
            "{\"a\":1,\"a\":2}", "\"\u007f\"", "1e1000", "1e-1000", "0e9999999", "[\"x\" , 1 , true ]"})
    void valid(String json) {
        assertNull(JsonText.problem(json), json);
        assertTrue(JsonText.isValid(json));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|empty text",
            "' '|unexpected end of input at offset 1",
            "'{'|unexpected end of input at offset 1",
            "'['|unexpected end of input at offset 1",
            "'[1'|unexpected end of input at offset 2",
            "'[1,]'|unexpected character ']' at offset 3",
            "'{\"a\":1,}'|expected a member name at offset 7",
            "'{\"a\" 1}'|expected ':' at offset 5",
            "'{a:1}'|expected a member name at offset 1",
            "'{\"a\":1]'|unexpected character ']' at offset 6",
            "'[1}'|unexpected character '}' at offset 2",
            "'1 2'|unexpected character '2' at offset 2",
            "'{} {}'|unexpected character '{' at offset 3",
            "'tru'|unexpected character 't' at offset 0",
            "'True'|unexpected character 'T' at offset 0",
            "'nul'|unexpected character 'n' at offset 0",
            "'NaN'|unexpected character 'N' at offset 0",
            "'Infinity'|unexpected character 'I' at offset 0",
            "'01'|unexpected character '1' at offset 1",
            "'+1'|unexpected character '+' at offset 0",
            "'.5'|unexpected character '.' at offset 0",
            "'1.'|invalid number at offset 0",
            "'-'|invalid number at offset 0",
            "'1e'|invalid number at offset 0",
            "'1e+'|invalid number at offset 0",
            "'[-]'|invalid number at offset 1",
            "'\"abc'|unterminated string starting at offset 0",
            "'\"\\x\"'|invalid escape \\x at offset 1",
            "'\"\\u12\"'|invalid \\u escape at offset 1",
            "'\"\\u12G4\"'|invalid \\u escape at offset 1",
            "'\"\\u0000\"'|\\u0000 is not allowed (PostgreSQL jsonb rejects it) at offset 1",
            "'\"\\ud800\"'|unpaired surrogate escape at offset 1",
            "'\"\\ud800x\"'|unpaired surrogate escape at offset 1",
            "'\"\\ud800\\u0041\"'|unpaired surrogate escape at offset 1",
            "'\"\\udc00\\ud800\"'|unpaired surrogate escape at offset 1",
            "'\"\\udc00\"'|unpaired surrogate escape at offset 1",
            "''''|unexpected character ''' at offset 0",
            "'1e200000'|number out of PostgreSQL's numeric range at offset 0",
            "'1e-20000'|number out of PostgreSQL's numeric range at offset 0",
            "'1e99999999999'|number out of PostgreSQL's numeric range at offset 0",
    })
    void invalid(String json, String problem) {
        assertEquals(problem, JsonText.problem(json));
        assertFalse(JsonText.isValid(json));
    }

    @Test
    void rawControlCharactersAndUnpairedSurrogatesAreInvalid() {
        assertEquals("unescaped control character in a string at offset 2", JsonText.problem("\"a\nb\""));
        assertEquals("unescaped control character in a string at offset 1", JsonText.problem("\"\u0000\""));
        assertEquals("unpaired surrogate in a string at offset 1", JsonText.problem("\"\ud800\""));
        assertEquals("unexpected character U+0000 at offset 0", JsonText.problem("\u0000"));
        assertEquals("unexpected character '\u00a0' at offset 0", JsonText.problem("\u00a01"));
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        int depth = 200_000;
        assertNull(JsonText.problem("[".repeat(depth) + "]".repeat(depth)));
        assertNull(JsonText.problem("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
        assertEquals("unexpected end of input at offset " + depth, JsonText.problem("[".repeat(depth)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"b\":1,\"a\":2}|{\"a\":2,\"b\":1}",
            "{\"a\":1,\"a\":2}|{\"a\":2}",
            " [ 1 , 2 ] |[1,2]",
            "1.50|1.5",
            "1E2|100",
            "1e+2|100",
            "-0|0",
            "-0.0e5|0",
            "0.000|0",
            "100|100",
            "12345678901234567890.123456789012345678900|12345678901234567890.1234567890123456789",
            "1e-7|0.0000001",
            "1e1000|1E+1000",
            "\"\\u0041\\/\"|\"A/\"",
            "\"\\ud83d\\ude00\"|\"😀\"",
            "\"\\u001f\\n\"|\"\\u001f\\n\"",
            "\"\\\"\\\\\"|\"\\\"\\\\\"",
            "{\"z\":{\"y\":[true,false,null],\"x\":\"s\"}}|{\"z\":{\"x\":\"s\",\"y\":[true,false,null]}}",
    })
    void canonicalForm(String json, String canonical) {
        assertEquals(canonical, JsonText.canonical(json));
    }

    @Test
    void canonicalFormsOfEquivalentJsonAreEqual() {
        assertEquals(JsonText.canonical("{\"mon\": {\"open\": \"09:00\", \"close\": 17.0}, \"tue\": null}"),
                JsonText.canonical("{\"tue\":null,\"mon\":{\"close\":1.7e1,\"open\":\"09:00\"}}"));
        assertFalse(JsonText.canonical("{\"a\":null}").equals(JsonText.canonical("{}")));
        assertFalse(JsonText.canonical("[1,2]").equals(JsonText.canonical("[2,1]")));
        assertFalse(JsonText.canonical("\"1\"").equals(JsonText.canonical("1")));
    }

    @Test
    void canonicalRejectsInvalidJson() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonText.canonical("{"));
        assertEquals("not valid JSON: unexpected end of input at offset 1", e.getMessage());
    }

    @Test
    void quoteEscapesOnlyWhatJsonRequires() {
        StringBuilder out = new StringBuilder();
        JsonText.quote(out, "a\"b\\c\nd\u0001é😀\ud800/");
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001é😀\\ud800/\"", out.toString());
    }
}
