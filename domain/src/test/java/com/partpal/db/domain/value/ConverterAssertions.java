package com.partpal.db.domain.value;

import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TargetType;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Shared helpers for converter tests. */
final class ConverterAssertions {
    private ConverterAssertions() {
    }

    static CellConverter converter(TargetType kind) {
        return Converters.forType(ColumnType.of(kind));
    }

    static String rejection(CellConverter converter, Object raw) {
        return assertThrows(CellRejectedException.class, () -> converter.convert(raw)).reason();
    }
}
