package com.partpal.db.domain.plan;

import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ColumnCensus;
import com.partpal.db.domain.types.ColumnType;
import com.partpal.db.domain.types.TargetType;
import com.partpal.db.domain.value.EpochUnit;
import com.partpal.db.domain.value.SqliteDefaults;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The choices for one column's values that depend on where the database comes from and what it holds: the epoch unit
 * of a timestamp or date column, timestamp(6) for a column holding microseconds, a date column widened to a
 * timestamp when it holds times of day. Each choice is written as a note, each risk as a warning.
 */
final class ValueChoices {
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private ValueChoices() {
    }

    /** The column's type and epoch unit after the choices. */
    record Choice(ColumnType type, EpochUnit unit) {
    }

    /** @param keyColumn the column is in a key, a unique index or a foreign key (either end): its type must stay */
    static Choice choose(String key, Column column, ColumnType mapped, boolean keyColumn, PrismaOrigin origin,
                         Map<String, EpochUnit> epochUnits, ValueFacts facts, Map<String, String> notes,
                         List<String> warnings) {
        ColumnType type = mapped;
        if (type.kind() == TargetType.INTEGER && SqliteDefaults.isEpochClock(column.defaultSql())) {
            notes.put(key, "bigint: its default " + column.defaultSql() + " is the clock in epoch seconds or"
                    + " milliseconds, a 64-bit value in SQLite");
            return new Choice(ColumnType.of(TargetType.BIGINT), EpochUnit.THRESHOLD);
        }
        if (type.kind() != TargetType.TIMESTAMP && type.kind() != TargetType.DATE) {
            return new Choice(narrowing(key, type, keyColumn, facts.column(key), notes, warnings), EpochUnit.THRESHOLD);
        }
        ColumnCensus census = facts.column(key);
        long micros = facts.count(key, ColumnCensus::finerThanMillis);
        StringBuilder note = new StringBuilder();
        if (type.kind() == TargetType.DATE && facts.count(key, ColumnCensus::timeOfDay) > 0) {
            type = ColumnType.timestamp(micros > 0 ? ColumnType.MAX_TIMESTAMP_PRECISION : 3);
            note.append("widened from date: ").append(facts.count(key, ColumnCensus::timeOfDay))
                    .append(" values hold a time of day; ");
        }
        boolean prismaDateTime = origin != null && origin.prismaMade() && mapped.kind() == TargetType.TIMESTAMP
                && declared(column).contains("DATETIME");
        if (type.kind() == TargetType.TIMESTAMP) {
            if (prismaDateTime) {
                if (micros > 0) {
                    warnings.add(key + ": " + micros + " values have fractional seconds finer than milliseconds; a"
                            + " Prisma DateTime stays timestamp(3), so the rows whose extra digits are not zeros are"
                            + " rejected");
                }
            } else if (micros > 0 || declaredPrecision(column) > 3) {
                type = ColumnType.timestamp(ColumnType.MAX_TIMESTAMP_PRECISION);
                note.append(micros > 0 ? "timestamp(6): " + micros + " values have fractional seconds finer than"
                        + " milliseconds; " : "timestamp(6): declared with microseconds; ");
            }
            long nanos = facts.count(key, ColumnCensus::finerThanMicros);
            if (nanos > 0) {
                warnings.add(key + ": " + nanos + " values have more than 6 fractional digits; those finer than"
                        + " " + type.sql() + " keeps are rejected, never rounded");
            }
        }
        EpochUnit override = epochUnits.get(key);
        EpochUnit unit = override != null ? override : prismaDateTime ? EpochUnit.MILLISECONDS : EpochUnit.THRESHOLD;
        note.append(unit.description()).append(override != null ? " (--epoch-unit)"
                : prismaDateTime ? " (Prisma DateTime)" : "");
        notes.put(key, note.toString());
        long small = census == null ? 0 : Math.max(0, census.epochSeconds());
        if (unit == EpochUnit.MILLISECONDS && small > 0) {
            warnings.add(key + ": " + small + " integer values are below " + MILLIS_THRESHOLD + ", so read as epoch"
                    + " milliseconds they fall before 1973-03-03 (the app shows them near January 1970); if they are"
                    + " seconds, pass --epoch-unit " + key + "=s");
        }
        return new Choice(type, unit);
    }

    /**
     * An integer column holding values it cannot keep exactly (3.5, 'abc') is widened so that every row is carried:
     * to text when it holds any text, else to numeric; the plan names it. A key or foreign key column keeps its type
     * (its type must match the other end), as does a boolean column holding 2 or 'maybe' (a wider type would change
     * what the app reads from every row): their rows are rejected, and the plan warns.
     */
    private static ColumnType narrowing(String key, ColumnType type, boolean keyColumn, ColumnCensus census,
                                        Map<String, String> notes, List<String> warnings) {
        long breaking = census == null ? 0 : Math.max(0, census.breaksRule());
        if (breaking == 0) {
            return type;
        }
        if (type.isInteger() && !keyColumn && census.blobs() == 0) {
            ColumnType wider = ColumnType.of(census.texts() > 0 ? TargetType.TEXT : TargetType.NUMERIC);
            notes.put(key, "widened from " + type.sql() + ": " + breaking + " values are not whole numbers (such as"
                    + " 3.5 or 'abc'); every value is carried exactly as " + wider.sql());
            return wider;
        }
        String what = type.kind() == TargetType.BOOLEAN
                ? " values are neither 0/1 nor a boolean word (such as 2 or 'maybe')"
                : " values are not whole numbers (such as 3.5 or 'abc')";
        String why = type.kind() == TargetType.BOOLEAN ? "" : keyColumn ? " (a key or foreign key column keeps its type)"
                : " (it also holds blobs)";
        warnings.add(key + ": " + breaking + what + ": " + type.sql() + " cannot hold them exactly, so their rows are"
                + " rejected" + why);
        return type;
    }

    private static String declared(Column column) {
        return column.declaredType() == null ? "" : column.declaredType().toUpperCase(Locale.ROOT);
    }

    /** The n of DATETIME(n) / TIMESTAMP(n), or -1. */
    private static int declaredPrecision(Column column) {
        String declared = declared(column);
        int open = declared.indexOf('(');
        int close = declared.indexOf(')', open + 1);
        if (open < 0 || close != open + 2 || !Character.isDigit(declared.charAt(open + 1))) {
            return -1;
        }
        return declared.charAt(open + 1) - '0';
    }
}
