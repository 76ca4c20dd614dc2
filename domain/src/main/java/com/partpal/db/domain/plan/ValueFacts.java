package com.partpal.db.domain.plan;

import com.partpal.db.domain.schema.ColumnCensus;
import com.partpal.db.domain.schema.TableCensus;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * What the census found in the columns the plan's choices depend on (a value outside 32 bits makes an INT column
 * bigint, microseconds make a timestamp(6), times of day widen a date), by "table.column". A column the census did
 * not look at has no facts.
 */
public record ValueFacts(Map<String, ColumnCensus> columns) {
    public ValueFacts {
        columns = Map.copyOf(columns);
    }

    public static ValueFacts none() {
        return new ValueFacts(Map.of());
    }

    public static ValueFacts of(Map<String, TableCensus> census) {
        Map<String, ColumnCensus> columns = new HashMap<>();
        census.forEach((table, c) -> c.columns().forEach(col -> columns.put(table + "." + col.column(), col)));
        return new ValueFacts(columns);
    }

    /** Only which integer columns hold values outside 32 bits ("table.column"). */
    public static ValueFacts outside32Bit(Set<String> wideColumns) {
        Map<String, ColumnCensus> columns = new HashMap<>();
        wideColumns.forEach(key -> columns.put(key, new ColumnCensus(key, 0, 0, 0, 0, 0, -1, -1, -1, -1, 1)));
        return new ValueFacts(columns);
    }

    /** The census of a column, or null when it was not taken. */
    public ColumnCensus column(String key) {
        return columns.get(key);
    }

    boolean outside32Bit(String key) {
        ColumnCensus c = columns.get(key);
        return c != null && c.outside32Bit() > 0;
    }

    long count(String key, ToLongFunction<ColumnCensus> what) {
        ColumnCensus c = columns.get(key);
        return c == null ? 0 : Math.max(0, what.applyAsLong(c));
    }
}
