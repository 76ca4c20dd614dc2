package com.partpal.db.application.migrate;

import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ColumnCensus;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.schema.TableCensus;
import com.partpal.db.domain.types.TargetType;
import com.partpal.db.domain.types.TypeMapper;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Takes the per-column census the planner needs: which INT columns hold values outside 32 bits. */
public final class Census {
    private Census() {
    }

    /**
     * With dateTimes (for plan), the census of every column of every table, date/time columns' value shapes too;
     * without (for migrate), only the row counts and integer columns of the tables that have some.
     */
    public static Map<String, TableCensus> take(SourceDatabase source, SourceSchema schema, boolean dateTimes) {
        Map<String, TableCensus> census = new LinkedHashMap<>();
        for (Table table : schema.tables()) {
            if (dateTimes) {
                census.put(table.name(), source.census(table, columnsOf(table, TargetType.TIMESTAMP, TargetType.DATE)));
            } else if (hasKind(table, TargetType.INTEGER)) {
                // a full scan either way, but only the integer columns' aggregates: the planner needs nothing else
                census.put(table.name(), source.census(table.onlyColumns(columnsOf(table, TargetType.INTEGER)), Set.of()));
            }
        }
        return census;
    }

    /** "table.column" of every column with a value outside the 32-bit range. */
    public static Set<String> outside32Bit(Map<String, TableCensus> census) {
        Set<String> wide = new LinkedHashSet<>();
        census.forEach((table, c) -> c.columns().stream().filter(col -> col.outside32Bit() > 0)
                .map(ColumnCensus::column).forEach(col -> wide.add(table + "." + col)));
        return wide;
    }

    private static boolean hasKind(Table table, TargetType kind) {
        return !columnsOf(table, kind).isEmpty();
    }

    private static Set<String> columnsOf(Table table, TargetType... kinds) {
        Set<String> names = new LinkedHashSet<>();
        for (Column column : table.columns()) {
            TargetType mapped = TypeMapper.map(table.name(), column, false, false).kind();
            for (TargetType kind : kinds) {
                if (mapped == kind) {
                    names.add(column.name());
                }
            }
        }
        return names;
    }
}
