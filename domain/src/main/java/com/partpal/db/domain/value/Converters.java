package com.partpal.db.domain.value;

import com.partpal.db.domain.types.ColumnType;

/** The cell converter for each target column type; converters are stateless and thread-safe. */
public final class Converters {
    private static final CellConverter TIMESTAMP = new DateTimeConverter(false);
    private static final CellConverter DATE = new DateTimeConverter(true);

    private Converters() {
    }

    public static CellConverter forType(ColumnType type) {
        return switch (type.kind()) {
            case INTEGER -> IntegerConverter.INTEGER;
            case BIGINT -> IntegerConverter.BIGINT;
            case BOOLEAN -> BooleanConverter.INSTANCE;
            case TIMESTAMP -> TIMESTAMP;
            case DATE -> DATE;
            case DOUBLE -> DoubleConverter.INSTANCE;
            case NUMERIC -> type.precision() == null ? NumericConverter.UNBOUNDED
                    : new NumericConverter(type.precision(), type.scale() == null ? 0 : type.scale());
            case TEXT -> TextConverter.INSTANCE;
            case BYTEA -> ByteaConverter.INSTANCE;
            case JSONB -> JsonbConverter.INSTANCE;
        };
    }
}
