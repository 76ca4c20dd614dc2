package com.partpal.db.domain.value;

import java.util.Arrays;

/** A source TEXT value whose bytes are not valid UTF-8; kept as the exact bytes so nothing is replaced silently. */
public record RawText(byte[] bytes) {
    @Override
    public boolean equals(Object other) {
        return other instanceof RawText r && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawText[" + bytes.length + " bytes]";
    }
}
