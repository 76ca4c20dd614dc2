package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.cli.progress.Figures;
import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.TargetColumn;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.schema.Column;
import com.partpal.db.domain.schema.ColumnCensus;
import com.partpal.db.domain.schema.ForeignKey;
import com.partpal.db.domain.schema.Index;
import com.partpal.db.domain.schema.SkippedObject;
import com.partpal.db.domain.schema.TableCensus;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints a plan for people: load order, per table the type mapping (with the value census), keys and indexes. */
final class PlanPrinter {
    private PlanPrinter() {
    }

    static void print(MigrationPlan plan, PrintStream out) {
        print(plan, List.of(), out);
    }

    static void print(MigrationPlan plan, List<TableCensus> census, PrintStream out) {
        Map<String, TableCensus> byTable = census.stream().collect(Collectors.toMap(TableCensus::table, Function.identity()));
        if (plan.origin() != null) {
            out.println("source is " + plan.origin().describe());
        }
        out.println("load order: " + plan.tables().stream().map(TargetTable::name).collect(Collectors.joining(" -> ")));
        for (TargetTable table : plan.tables()) {
            TableCensus tc = byTable.get(table.source().name());
            out.println();
            out.println("table " + table.name() + (tc == null ? "" : "  (" + Figures.count(tc.rows()) + " rows)"));
            for (int i = 0; i < table.columns().size(); i++) {
                TargetColumn column = table.columns().get(i);
                Column source = table.source().columns().get(i);
                printColumn(source, column, plan.columnNote(table.source().name(), source.name()),
                        census(tc, source.name()), out);
            }
            if (!table.primaryKey().isEmpty()) {
                out.println("  primary key " + table.primaryKeyName() + " (" + String.join(", ", table.primaryKey()) + ")");
            }
            for (Index index : table.indexes()) {
                out.println("  " + (index.unique() ? "unique index " : "index ") + index.name() + " ("
                        + String.join(", ", index.columns()) + ")" + (index.predicate() == null ? ""
                        : " WHERE " + index.predicate() + " (tried on PostgreSQL first: not created, and reported, if refused)"));
            }
            for (ForeignKey fk : table.foreignKeys()) {
                out.println("  foreign key " + fk.name() + " (" + String.join(", ", fk.columns()) + ") -> " + fk.parentTable()
                        + " (" + String.join(", ", fk.parentColumns()) + ") ON DELETE " + fk.onDelete() + " ON UPDATE " + fk.onUpdate()
                        + (fk.deferral() == null ? "" : " " + fk.deferral()));
            }
        }
        if (!plan.notes().isEmpty()) {
            out.println();
            out.println("schema choices (objects PostgreSQL would refuse as the source has them):");
            plan.notes().forEach(note -> out.println("  " + note.text()));
        }
        if (!plan.warnings().isEmpty()) {
            out.println();
            out.println("warnings:");
            plan.warnings().forEach(warning -> out.println("  " + warning));
        }
        List<SkippedObject> tried = plan.skipped().stream().filter(SkippedObject::tried).toList();
        if (!tried.isEmpty()) {
            out.println();
            out.println("tried on PostgreSQL after the load (kept if it runs there; the report says which did):");
            tried.forEach(s -> out.println("  " + s.kind() + " " + s.name() + ": " + s.targetSql()));
        }
        List<SkippedObject> notCopied = plan.skipped().stream().filter(s -> !s.tried()).toList();
        if (!notCopied.isEmpty()) {
            out.println();
            out.println("not copied:");
            for (SkippedObject s : notCopied) {
                out.println("  " + s.kind() + " " + s.name() + ": " + s.reason());
            }
        }
    }

    private static ColumnCensus census(TableCensus tc, String column) {
        return tc == null ? null : tc.columns().stream().filter(c -> c.column().equals(column)).findFirst().orElse(null);
    }

    private static void printColumn(Column source, TargetColumn target, String note, ColumnCensus census,
                                    PrintStream out) {
        String declared = source.declaredType().isEmpty() ? "(none)" : source.declaredType();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-28s %-14s -> %-18s%s", target.name(),
                declared, target.type().sql() + (target.serial() ? " (sequence)" : ""), target.notNull() ? " NOT NULL" : ""));
        if (target.defaultSql() != null && !target.serial()) {
            line.append(" DEFAULT ").append(target.defaultSql());
        }
        if (note != null) {
            line.append("   {").append(note).append('}');
        }
        if (census != null) {
            line.append("   [").append(censusText(census)).append(']');
        }
        out.println(line);
    }

    static String censusText(ColumnCensus c) {
        StringBuilder s = new StringBuilder();
        append(s, "integer", c.integers());
        append(s, "real", c.reals());
        append(s, "text", c.texts());
        append(s, "blob", c.blobs());
        append(s, "null", c.nulls());
        if (c.epochMillis() >= 0) {
            s.append(" |");
            append(s, "epoch-ms", c.epochMillis());
            append(s, "epoch-s", c.epochSeconds());
            append(s, "iso", c.isoText());
            append(s, "other", c.otherText());
            append(s, "finer than ms", c.finerThanMillis());
            append(s, "finer than us", c.finerThanMicros());
            append(s, "time of day", c.timeOfDay());
        }
        if (c.outside32Bit() > 0) {
            s.append(" | ").append(Figures.count(c.outside32Bit())).append(" outside 32 bits");
        }
        if (c.mixed()) {
            s.append(" | MIXED");
        }
        return s.toString().trim();
    }

    private static void append(StringBuilder s, String label, long n) {
        if (n > 0) {
            s.append(' ').append(label).append(' ').append(Figures.count(n));
        }
    }
}
