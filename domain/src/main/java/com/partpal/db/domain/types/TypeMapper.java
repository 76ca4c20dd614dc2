package com.partpal.db.domain.types;

import com.partpal.db.domain.schema.Column;

import java.util.Locale;

/**
 * Maps a SQLite declared type to the PostgreSQL column type. Case-insensitive, first match wins:
 * JSON/JSONB (or a column named in --json-columns) -> jsonb; contains INT -> integer, or bigint when declared
 * BIGINT/BIG INT/INT8 or when the column holds values outside 32 bits; BOOL -> boolean; DATETIME/TIMESTAMP ->
 * timestamp(3); DATE -> date; REAL/FLOA/DOUB -> double precision; DECIMAL(p,s)/NUMERIC(p,s) -> numeric(p,s), without
 * a usable precision -> numeric; CHAR/CLOB/TEXT -> text; BLOB -> bytea; no or any other declared type (STRING,
 * UUID...) -> text.
 */
public final class TypeMapper {
    /** PostgreSQL's largest numeric precision. */
    private static final int MAX_PRECISION = 1000;

    private TypeMapper() {
    }

    /**
     * @param table         the column's table (names the column in messages; the rules do not depend on it)
     * @param declaredJson  the column is named in --json-columns
     * @param outside32Bit  the census saw integer values outside the 32-bit range in this column
     */
    public static ColumnType map(String table, Column column, boolean declaredJson, boolean outside32Bit) {
        String declared = column.declaredType() == null ? "" : column.declaredType().toUpperCase(Locale.ROOT);
        if (declaredJson || declared.contains("JSON")) {
            return ColumnType.of(TargetType.JSONB);
        }
        if (declared.contains("INT")) {
            boolean big = outside32Bit || declared.contains("BIGINT") || declared.contains("BIG INT")
                    || declared.contains("INT8");
            return ColumnType.of(big ? TargetType.BIGINT : TargetType.INTEGER);
        }
        TargetType kind = kindWithoutInt(declared);
        return kind == TargetType.NUMERIC ? numeric(declared) : ColumnType.of(kind);
    }

    /** True for columns whose values are dates or times (timestamp or date), the ones the census inspects. */
    public static boolean isDateTime(Column column) {
        TargetType kind = map("", column, false, false).kind();
        return kind == TargetType.TIMESTAMP || kind == TargetType.DATE;
    }

    private static TargetType kindWithoutInt(String declared) {
        if (declared.contains("BOOL")) {
            return TargetType.BOOLEAN;
        }
        if (declared.contains("DATETIME") || declared.contains("TIMESTAMP")) {
            return TargetType.TIMESTAMP;
        }
        if (declared.contains("DATE")) {
            return TargetType.DATE;
        }
        if (declared.contains("REAL") || declared.contains("FLOA") || declared.contains("DOUB")) {
            return TargetType.DOUBLE;
        }
        if (declared.contains("DECIMAL") || declared.contains("NUMERIC")) {
            return TargetType.NUMERIC;
        }
        if (declared.contains("CHAR") || declared.contains("CLOB") || declared.contains("TEXT")) {
            return TargetType.TEXT;
        }
        return declared.contains("BLOB") ? TargetType.BYTEA : TargetType.TEXT;
    }

    /** numeric(p,s) from "DECIMAL(p,s)" / "NUMERIC(p)"; plain numeric when the precision is missing or unusable. */
    private static ColumnType numeric(String declared) {
        int open = declared.indexOf('(');
        int close = declared.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return ColumnType.of(TargetType.NUMERIC);
        }
        String inside = declared.substring(open + 1, close);
        int comma = inside.indexOf(',');
        int precision = smallNumber(comma < 0 ? inside : inside.substring(0, comma));
        int scale = comma < 0 ? 0 : smallNumber(inside.substring(comma + 1));
        if (precision < 1 || precision > MAX_PRECISION || scale < 0 || scale > precision) {
            return ColumnType.of(TargetType.NUMERIC);
        }
        return new ColumnType(TargetType.NUMERIC, precision, scale);
    }

    /** The value of trimmed unsigned digits (at most 4), or -1. */
    private static int smallNumber(String text) {
        String digits = text.trim();
        if (digits.isEmpty() || digits.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
