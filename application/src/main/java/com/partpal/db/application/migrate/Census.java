package com.partpal.db.application.migrate;

import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.domain.plan.PrismaOrigin;
import com.partpal.db.domain.plan.ValueFacts;
import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.schema.Table;
import com.partpal.db.domain.schema.TableCensus;
import com.partpal.db.domain.types.TargetType;
import com.partpal.db.domain.types.TypeMapper;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Takes the per-column census the planner needs: which INT columns hold values outside 32 bits, and so on. */
public final class Census {
    private Census() {
    }

    /**
     * With everything (for plan and a dry run), the census of every column of every table, date/time columns' value
     * shapes too; without (for migrate and verify), only the row counts and the columns whose plan depends on what
     * they hold: integer columns (bigint, or wider when they hold reals or text), date columns (a time of day widens them) and timestamp columns (microseconds
     * make a timestamp(6)) but not a Prisma-made database's DATETIME columns, which always stay timestamp(3).
     */
    public static Map<String, TableCensus> take(SourceDatabase source, SourceSchema schema, boolean everything) {
        Map<String, TableCensus> census = new LinkedHashMap<>();
        boolean prismaMade = PrismaOrigin.of(schema).prismaMade();
        for (Table table : schema.tables()) {
            Set<String> dateTimes = columnsOf(table, TargetType.TIMESTAMP, TargetType.DATE);
            if (everything) {
                census.put(table.name(), source.census(table, dateTimes));
                continue;
            }
            if (prismaMade) {
                dateTimes.removeIf(name -> table.column(name).map(Census::prismaDateTime).orElse(false));
            }
            Set<String> columns = columnsOf(table, TargetType.INTEGER, TargetType.BIGINT);
            columns.addAll(dateTimes);
            if (!columns.isEmpty()) {
                // a full scan either way, but only these columns' aggregates: the planner needs nothing else
                census.put(table.name(), source.census(table.onlyColumns(columns), dateTimes));
            }
        }
        return census;
    }

    /** What the planner needs from a census. */
    public static ValueFacts facts(Map<String, TableCensus> census) {
        return ValueFacts.of(census);
    }

    private static boolean prismaDateTime(Column column) {
        return column.declaredType().toUpperCase(Locale.ROOT).contains("DATETIME");
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
