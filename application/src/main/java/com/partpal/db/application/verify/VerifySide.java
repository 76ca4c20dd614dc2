package com.partpal.db.application.verify;

import com.partpal.db.application.migrate.Census;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.PlanBuilder;
import com.partpal.db.domain.plan.PlanOptions;
import com.partpal.db.domain.plan.TargetColumn;
import com.partpal.db.domain.plan.TargetTable;
import com.partpal.db.domain.schema.SkippedObject;
import com.partpal.db.domain.schema.SourceSchema;
import com.partpal.db.domain.types.TargetType;
import com.partpal.db.domain.verify.CanonicalValue;
import com.partpal.db.domain.verify.StoredColumn;
import com.partpal.db.domain.verify.StoredSequence;
import com.partpal.db.domain.verify.StoredTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One side of a comparison: its tables (selected by the request's options) in load order, and what it skips. */
record VerifySide(VerifiableDatabase database, Map<String, SideTable> tables, Set<String> skipped) {
    static VerifySide of(VerifiableDatabase database, PlanOptions options) {
        return database.migrationSource().map(source -> planned(database, source, options))
                .orElseGet(() -> typed(database, options));
    }

    /** A SQLite side: tables as migrate's plan would create them. */
    private static VerifySide planned(VerifiableDatabase database, SourceDatabase source, PlanOptions options) {
        SourceSchema schema = source.readSchema();
        MigrationPlan plan = PlanBuilder.build(schema, options,
                Census.facts(Census.take(source, schema, false)));
        Map<String, SideTable> tables = new LinkedHashMap<>();
        for (TargetTable t : plan.tables()) {
            List<StoredColumn> columns = t.columns().stream()
                    .map(c -> new StoredColumn(c.name(), c.type().sql(), c.notNull())).toList();
            // the least next value: above every key the source used (rejected rows' keys included)
            StoredSequence sequence = t.sequence() == null ? null : new StoredSequence(t.sequence().column(),
                    t.sequence().highestSourceKey() == null ? null : t.sequence().highestSourceKey() + 1);
            StoredTable shape = new StoredTable(t.name(), columns, t.primaryKey(), t.indexes(), t.foreignKeys(),
                    sequence);
            List<TargetType> kinds = t.columns().stream().map((TargetColumn c) -> c.type().kind()).toList();
            tables.put(t.name(), new SideTable(shape, kinds, t.converters()));
        }
        return new VerifySide(database, tables,
                plan.skipped().stream().map(SkippedObject::name).collect(Collectors.toSet()));
    }

    /** A typed side (PostgreSQL): tables as stored, selected by the same options. */
    private static VerifySide typed(VerifiableDatabase database, PlanOptions options) {
        Map<String, SideTable> tables = new LinkedHashMap<>();
        for (StoredTable t : database.storedTables()) {
            boolean included = options.includeTables().isEmpty() || options.includeTables().contains(t.name());
            if (included && !options.excludeTables().contains(t.name())) {
                List<TargetType> kinds = t.columns().stream().map(c -> CanonicalValue.kindOf(c.type())).toList();
                tables.put(t.name(), new SideTable(t, kinds, null));
            }
        }
        return new VerifySide(database, tables, Set.of());
    }
}
