package com.partpal.db.domain.plan;

import com.partpal.db.domain.prisma.PrismaEnum;
import com.partpal.db.domain.prisma.PrismaField;
import com.partpal.db.domain.prisma.PrismaSchema;
import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TargetType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column types and defaults Prisma's PostgreSQL provider gives a field: String text, Int integer, BigInt bigint,
 * Float double precision, Decimal decimal(65,30), Boolean boolean, DateTime timestamp(3), Json jsonb, Bytes bytea,
 * an enum its enum type; a @db.* native type instead where it is one partpal-db loads exactly (VarChar(n), Char(n),
 * Text, Integer, BigInt, DoublePrecision, Decimal(p,s), Boolean, Timestamp(p), Date, JsonB, ByteA); another one is
 * named in the plan's warnings and the field's own type is used. Defaults: now() is CURRENT_TIMESTAMP, uuid(),
 * cuid(), nanoid() and ulid() are made by the Prisma client (no database default), dbgenerated("sql") is its SQL;
 * every other default is the one the SQLite file has (Prisma wrote it there too).
 */
final class PrismaColumnTypes {
    private static final Pattern NATIVE = Pattern.compile("(\\w+)(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");
    private static final Map<String, TargetType> SCALARS = Map.of("String", TargetType.TEXT, "Int", TargetType.INTEGER,
            "BigInt", TargetType.BIGINT, "Float", TargetType.DOUBLE, "Boolean", TargetType.BOOLEAN,
            "DateTime", TargetType.TIMESTAMP, "Json", TargetType.JSONB, "Bytes", TargetType.BYTEA);
    private static final List<String> CLIENT_SIDE = List.of("uuid(", "cuid(", "nanoid(", "ulid(");

    private PrismaColumnTypes() {
    }

    /** The field stored in this column, if the schema has its model and a scalar field for it. */
    static Optional<PrismaField> field(PrismaSchema prisma, String table, String column) {
        return prisma == null ? Optional.empty()
                : prisma.modelForTable(table).flatMap(model -> model.fieldForColumn(column));
    }

    /** The column's type, or empty when Prisma's is not one partpal-db can give it (a warning says so). */
    static Optional<ColumnType> type(PrismaSchema prisma, String key, PrismaField field, List<String> warnings) {
        if (field.list()) {
            warnings.add(key + ": the Prisma list type " + field.type() + "[] is not carried as an array; the column"
                    + " is typed from its SQLite declaration");
            return Optional.empty();
        }
        Optional<PrismaEnum> enumType = prisma.enumNamed(field.type());
        if (enumType.isPresent()) {
            return Optional.of(ColumnType.enumType(enumType.get().typeName(), enumType.get().values()));
        }
        if (field.nativeType() != null) {
            Optional<ColumnType> nativeType = nativeType(field.nativeType());
            if (nativeType.isPresent()) {
                return nativeType;
            }
            warnings.add(key + ": @db." + field.nativeType() + " is not carried; the column gets the type of Prisma's "
                    + field.type());
        }
        if (field.type().equals("Decimal")) {
            return Optional.of(new ColumnType(TargetType.NUMERIC, 65, 30));
        }
        TargetType kind = SCALARS.get(field.type());
        if (kind == null) {
            warnings.add(key + ": Prisma type " + field.type() + " is not known; the column is typed from its SQLite"
                    + " declaration");
            return Optional.empty();
        }
        return Optional.of(ColumnType.of(kind));
    }

    private static Optional<ColumnType> nativeType(String nativeType) {
        Matcher m = NATIVE.matcher(nativeType.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        return Optional.ofNullable(switch (m.group(1)) {
            // spelled as PostgreSQL's catalogue spells them, so that verify compares like with like
            case "VarChar" -> new ColumnType(TargetType.TEXT, first, null, first == null ? "character varying"
                    : "character varying(" + first + ")", null);
            case "Char" -> new ColumnType(TargetType.TEXT, first == null ? 1 : first, null,
                    "character(" + (first == null ? 1 : first) + ")", null);
            case "Text" -> ColumnType.of(TargetType.TEXT);
            case "Integer" -> ColumnType.of(TargetType.INTEGER);
            case "BigInt" -> ColumnType.of(TargetType.BIGINT);
            case "DoublePrecision" -> ColumnType.of(TargetType.DOUBLE);
            case "Decimal" -> first == null ? new ColumnType(TargetType.NUMERIC, 65, 30)
                    : new ColumnType(TargetType.NUMERIC, first, second == null ? 0 : second);
            case "Boolean" -> ColumnType.of(TargetType.BOOLEAN);
            case "Timestamp" -> first == null ? ColumnType.timestamp(3)
                    : first <= ColumnType.MAX_TIMESTAMP_PRECISION ? ColumnType.timestamp(first) : null;
            case "Date" -> ColumnType.of(TargetType.DATE);
            case "JsonB" -> ColumnType.of(TargetType.JSONB);
            case "ByteA" -> ColumnType.of(TargetType.BYTEA);
            default -> null;
        });
    }

    /** The default Prisma's PostgreSQL provider gives the field, given the one translated from the SQLite file. */
    static String defaultSql(PrismaField field, String fromSqlite) {
        String given = field.defaultValue();
        if (given == null) {
            return fromSqlite;
        }
        String lower = given.toLowerCase(Locale.ROOT);
        if (lower.equals("now()")) {
            return "CURRENT_TIMESTAMP";
        }
        if (CLIENT_SIDE.stream().anyMatch(lower::startsWith)) {
            return null;
        }
        if (lower.startsWith("dbgenerated(")) {
            String inside = given.substring("dbgenerated(".length(), given.length() - 1).strip();
            return inside.length() >= 2 && inside.startsWith("\"") ? inside.substring(1, inside.length() - 1)
                    .replace("\\\"", "\"").replace("\\\\", "\\") : fromSqlite;
        }
        return fromSqlite;
    }
}
