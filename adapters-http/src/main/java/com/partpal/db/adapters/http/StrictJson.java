package com.partpal.db.adapters.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Map;

/**
 * How request bodies are read: unknown fields, fractions for whole numbers, a single value for a list and duplicate
 * keys are errors (400, see {@link ProblemResponses}), and no string may hold a NUL character (no path, URL or name
 * can).
 */
@Factory
final class StrictJson {
    /** Jackson settings for the server's object mapper, given to the context by {@link ApiServer}. */
    static final Map<String, Object> PROPERTIES = Map.of(
            "jackson.deserialization.fail-on-unknown-properties", true,
            "jackson.deserialization.accept-float-as-int", false,
            "jackson.deserialization.accept-single-value-as-array", false,
            "jackson.deserialization.fail-on-null-for-primitives", true,
            "jackson.parser.strict-duplicate-detection", true);

    @Singleton
    Module noNulInStrings() {
        SimpleModule module = new SimpleModule("partpal-no-nul");
        module.addDeserializer(String.class, new NoNulStrings());
        return module;
    }

    static final class NoNulStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, value, "contains a NUL character");
            }
            return value;
        }
    }
}
