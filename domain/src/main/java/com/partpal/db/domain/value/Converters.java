package com.partpal.db.domain.value;

import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TargetType;

/** The cell converter for each target column type; converters are stateless and thread-safe. */
public final class Converters {
    private static final CellConverter TIMESTAMP = new DateTimeConverter(false, EpochUnit.THRESHOLD, 3);
    private static final CellConverter DATE = new DateTimeConverter(true, EpochUnit.THRESHOLD, 0);

    private Converters() {
    }

    /** The converter of a column of this type; integers in timestamp and date columns are read in this unit. */
    public static CellConverter forColumn(ColumnType type, EpochUnit unit) {
        return switch (type.kind()) {
            case TIMESTAMP -> new DateTimeConverter(false, unit, type.timestampPrecision());
            case DATE -> new DateTimeConverter(true, unit, 0);
            default -> forType(type);
        };
    }

    /** The converter of a column of this type, integers in timestamp and date columns read by {@link EpochUnit#THRESHOLD}. */
    public static CellConverter forType(ColumnType type) {
        if (type.isEnum()) {
            return new EnumConverter(type.declared(), type.enumValues());
        }
        if (type.kind() == TargetType.TEXT && type.precision() != null) {
            return new BoundedTextConverter(type.precision(), type.sql());
        }
        if (type.kind() == TargetType.TIMESTAMP && type.timestampPrecision() != 3) {
            return forColumn(type, EpochUnit.THRESHOLD);
        }
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
