package com.partpal.db.domain.verify;

/** One column of a changed row: the canonical value on each side. */
public record CellDifference(String column, Object source, Object target) {
}
