package com.partpal.db.adapters.http;

import com.partpal.db.domain.BadInputException;

/** Checks on request text that no file system or driver should ever see. */
final class Text {
    private Text() {
    }

    /** The text, unless it holds a NUL character (no path, URL or name may): then a 400 that names the field. */
    static String withoutNul(String field, String text) {
        if (text != null && text.indexOf('\0') >= 0) {
            throw new BadInputException("'" + field + "' contains a NUL character");
        }
        return text;
    }
}
