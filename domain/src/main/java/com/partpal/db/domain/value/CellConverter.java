package com.partpal.db.domain.value;

/**
 * Converts one raw source cell to the target column's Java value (see {@link com.partpal.db.domain.types.TargetType}).
 * Raw cells are: null, Long, Double, String, byte[] (a BLOB) or {@link RawText} (TEXT that is not UTF-8).
 * NULL stays null.
 */
@FunctionalInterface
public interface CellConverter {
    Object convert(Object raw) throws CellRejectedException;
}
