package com.partpal.db.domain.value;

import com.partpal.db.domain.types.TargetType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static com.partpal.db.domain.value.ConverterAssertions.converter;
import static com.partpal.db.domain.value.ConverterAssertions.rejection;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextBlobAndJsonConverterTest {
    private final CellConverter text = converter(TargetType.TEXT);
    private final CellConverter bytea = converter(TargetType.BYTEA);
    private final CellConverter jsonb = converter(TargetType.JSONB);

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "  spaced  ", "émoji 😀", "line\nbreak", "tab\t", "\u0001"})
    void textStaysAsIs(String value) throws Exception {
        assertSame(value, text.convert(value));
    }

    @Test
    void numbersInATextColumnBecomeSqlitesText() throws Exception {
        assertEquals("42", text.convert(42L));
        assertEquals("-9223372036854775808", text.convert(Long.MIN_VALUE));
        assertEquals("1.0", text.convert(1.0));
        assertEquals("1.0e+20", text.convert(1e20));
        assertNull(text.convert(null));
    }

    @Test
    void textRejectsNulNonUtf8AndBlobs() {
        assertEquals("text contains U+0000", rejection(text, "a\u0000b"));
        assertEquals("text contains U+0000", rejection(text, "\u0000"));
        assertEquals("text is not valid UTF-8", rejection(text, new RawText(new byte[] {'a', (byte) 0xff})));
        assertEquals("not text: a blob of 4 bytes", rejection(text, new byte[4]));
    }

    @Test
    void longTextIsShortenedInReasons() {
        String reason = rejection(converter(TargetType.INTEGER), "x".repeat(500));
        assertTrue(reason.length() < 120, reason);
        assertTrue(reason.endsWith("(500 characters)"), reason);
    }

    @Test
    void byteaKeepsTheExactBytes() throws Exception {
        byte[] blob = {0, 1, (byte) 0xff};
        assertSame(blob, bytea.convert(blob));
        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), (byte[]) bytea.convert("héllo"));
        byte[] notUtf8 = {'a', (byte) 0xff};
        assertArrayEquals(notUtf8, (byte[]) bytea.convert(new RawText(notUtf8)));
        assertNull(bytea.convert(null));
    }

    @Test
    void byteaRejectsNumbers() {
        assertEquals("not binary data: 42", rejection(bytea, 42L));
        assertEquals("not binary data: 1.5", rejection(bytea, 1.5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "null", "true", "false", "0", "-1.5e3", "\"text\"", " {\"a\": [1, 2, {\"b\": null}]} ",
            "{\"a\":1,\"a\":2}", "\"\\ud83d\\ude00\"", "\"😀\"", "[\"\\u00e9\\n\\t\\/\"]", "\n\t\r 1 \n"})
    void jsonbKeepsValidJsonTextExactly(String json) throws Exception {
        assertSame(json, jsonb.convert(json));
    }

    @Test
    void jsonbTakesNumbersAsTheirText() throws Exception {
        assertEquals("42", jsonb.convert(42L));
        assertEquals("1.5", jsonb.convert(1.5));
        assertEquals("1.0e+20", jsonb.convert(1e20));
        assertNull(jsonb.convert(null));
    }

    @Test
    void jsonbRejectsInvalidJsonAndNeverNullsIt() {
        assertEquals("not valid JSON: '' (empty text)", rejection(jsonb, ""));
        assertEquals("not valid JSON: '{\"a\":1,}' (expected a member name at offset 7)", rejection(jsonb, "{\"a\":1,}"));
        assertEquals("not valid JSON: Infinity (unexpected character 'I' at offset 0)",
                rejection(jsonb, Double.POSITIVE_INFINITY));
        assertTrue(rejection(jsonb, "\"\\u0000\"").contains("\\u0000 is not allowed"));
        assertTrue(rejection(jsonb, "\"\\ud800\"").contains("unpaired surrogate"));
        assertEquals("not JSON text: a blob of 2 bytes", rejection(jsonb, new byte[] {'{', '}'}));
        assertEquals("text is not valid UTF-8", rejection(jsonb, new RawText(new byte[] {(byte) 0xff})));
    }
}
