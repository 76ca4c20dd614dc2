package com.partpal.db.adapters.http;

import com.partpal.db.domain.BadInputException;

/** Checks on request fields, each failing with one line that names the field. */
final class Fields {
    private Fields() {
    }

    static <T> T body(T body, String what) {
        if (body == null) {
            throw new BadInputException("missing body: give a JSON object with " + what);
        }
        return body;
    }

    static void require(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new BadInputException("missing field '" + field + "': " + what);
        }
    }

    static int atLeast(Integer value, int minimum, int byDefault, String field) {
        if (value == null) {
            return byDefault;
        }
        if (value < minimum) {
            throw new BadInputException("'" + field + "' must be at least " + minimum);
        }
        return value;
    }
}
