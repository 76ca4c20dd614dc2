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

    /** The census of every table; with dateTimes, date/time columns also get their value shapes counted. */
    public static Map<String, TableCensus> take(SourceDatabase source, SourceSchema schema, boolean dateTimes) {
        Map<String, TableCensus> census = new LinkedHashMap<>();
        for (Table table : schema.tables()) {
            if (dateTimes || hasKind(table, TargetType.INTEGER)) {
                census.put(table.name(), source.census(table, dateTimes ? columnsOf(table, TargetType.TIMESTAMP,
                        TargetType.DATE) : Set.of()));
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
