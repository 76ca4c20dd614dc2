package com.partpal.db.application.verify;

import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.application.port.VerifiableDatabaseConnector;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.plan.PlanOptions;
import com.partpal.db.domain.verify.SchemaComparison;
import com.partpal.db.domain.verify.SchemaDifference;
import com.partpal.db.domain.verify.SnapshotBaseline;
import com.partpal.db.domain.verify.StoredColumn;
import com.partpal.db.domain.verify.StoredSequence;
import com.partpal.db.domain.verify.TableVerification;
import com.partpal.db.domain.verify.VerificationReport;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * verify: proves the target holds exactly what migrate's rules make of the source. Per table: the schema objects
 * (columns and types, NOT NULL, primary key, indexes, foreign keys, sequences), the row counts, the checksums, and
 * every differing row (see {@link TableComparison}). Works for any pair of databases the connector opens.
 */
public final class VerifyUseCase {
    /** Tables a migrated PostgreSQL database may legitimately hold beyond the source's (Prisma's bookkeeping). */
    private static final Set<String> BOOKKEEPING = Set.of("_prisma_migrations");

    private final VerifiableDatabaseConnector connector;
    private final Clock clock;

    public VerifyUseCase(VerifiableDatabaseConnector connector, Clock clock) {
        this.connector = connector;
        this.clock = clock;
    }

    public VerificationReport verify(VerifyRequest request) {
        return verify(request, () -> Thread.currentThread().isInterrupted());
    }

    /** Like the other verify, stopping with {@link VerificationCancelledException} once {@code cancelled} is true. */
    public VerificationReport verify(VerifyRequest request, BooleanSupplier cancelled) {
        try (VerifiableDatabase sourceDb = connector.open(request.from())) {
            return verify(request, sourceDb, cancelled);
        }
    }

    /**
     * Like the other verify, also comparing the source with the snapshot a migrate run copied ({@code baseline}, from
     * its report): each table says whether its rows are still the snapshot's, and rows inserted after it are named so.
     */
    public VerificationReport verify(VerifyRequest request, SnapshotBaseline baseline) {
        try (VerifiableDatabase sourceDb = connector.open(request.from())) {
            return verify(request, sourceDb, () -> Thread.currentThread().isInterrupted(), baseline);
        }
    }

    /**
     * Like the other verify, with the source side already open (and left open): migrate verifies against the same
     * snapshot of the source it copied.
     */
    public VerificationReport verify(VerifyRequest request, VerifiableDatabase sourceDb, BooleanSupplier cancelled) {
        return verify(request, sourceDb, cancelled, null);
    }

    private VerificationReport verify(VerifyRequest request, VerifiableDatabase sourceDb, BooleanSupplier cancelled,
                                      SnapshotBaseline baseline) {
        Instant started = clock.instant();
        try (VerifiableDatabase targetDb = connector.open(request.to())) {
            VerifySide source = VerifySide.of(sourceDb, request.planOptions());
            checkKnown(source, request);
            // The target's tables are selected here, not by its plan: a table missing there is a difference.
            VerifySide target = VerifySide.of(targetDb,
                    new PlanOptions(request.planOptions().jsonColumns(), List.of(), List.of()));
            List<SchemaDifference> schema = new ArrayList<>();
            Map<String, Future<TableVerification>> pending = new LinkedHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(request.jobs(), r -> {
                Thread t = new Thread(r, "partpal-verify");
                t.setDaemon(true);
                return t;
            });
            Map<String, TableComparison> comparisons = new LinkedHashMap<>();
            try {
                for (SideTable expected : source.tables().values()) {
                    SideTable actual = target.tables().get(expected.name());
                    if (actual == null) {
                        schema.add(new SchemaDifference(expected.name(), "table", expected.name(), "a table", null));
                        continue;
                    }
                    schema.addAll(SchemaComparison.compare(expected.shape(), actual.shape()));
                    TableComparison comparison = new TableComparison(sourceDb, targetDb, expected, actual,
                            sharedColumns(expected, actual), request.rejects(), request.maxDiffs(), cancelled);
                    if (baseline != null) {
                        comparison.sinceSnapshot = true;
                        comparison.snapshot = baseline.table(expected.name()).orElse(null);
                    }
                    comparisons.put(expected.name(), comparison);
                    pending.put(expected.name(), pool.submit(comparison::run));
                }
                if (request.planOptions().includeTables().isEmpty()) {
                    target.tables().keySet().stream()
                            .filter(name -> !source.tables().containsKey(name) && !BOOKKEEPING.contains(name)
                                    && !source.skipped().contains(name)
                                    && !request.planOptions().excludeTables().contains(name))
                            .forEach(name -> schema.add(new SchemaDifference(name, "table", name, null, "a table")));
                }
                List<TableVerification> tables = new ArrayList<>();
                for (Map.Entry<String, Future<TableVerification>> entry : pending.entrySet()) {
                    tables.add(await(entry.getValue()));
                    checkSequence(source.tables().get(entry.getKey()), target.tables().get(entry.getKey()),
                            comparisons.get(entry.getKey()), schema);
                }
                return new VerificationReport(sourceDb.describe(), targetDb.describe(), started.toString(),
                        (clock.millis() - started.toEpochMilli()) / 1000.0, schema, tables);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void checkKnown(VerifySide source, VerifyRequest request) {
        Set<String> unknown = new LinkedHashSet<>(request.planOptions().includeTables());
        unknown.removeAll(source.tables().keySet());
        if (!unknown.isEmpty()) {
            throw new BadInputException("unknown table" + (unknown.size() > 1 ? "s" : "") + " in --tables: "
                    + String.join(", ", unknown));
        }
    }

    /** The source's columns that the target also has, in source order (the others are schema differences). */
    private static List<String> sharedColumns(SideTable source, SideTable target) {
        Set<String> targetColumns = new LinkedHashSet<>(target.shape().columnNames());
        return source.shape().columns().stream().map(StoredColumn::name).filter(targetColumns::contains).toList();
    }

    /** The target's sequence must give a value above every stored key and every key the source used. */
    private static void checkSequence(SideTable source, SideTable target, TableComparison comparison,
                                      List<SchemaDifference> schema) {
        StoredSequence sequence = target.raw() ? null : target.shape().sequence(); // a SQLite target has none
        Long max = comparison.maxTargetKey;
        StoredSequence expected = source.shape().sequence();
        if (expected != null && expected.nextValue() != null && (max == null || expected.nextValue() - 1 > max)) {
            max = expected.nextValue() - 1;
        }
        if (sequence != null && sequence.nextValue() != null && max != null && sequence.nextValue() <= max) {
            schema.add(SchemaComparison.sequenceBehind(target.name(), sequence, max));
        }
    }

    private static TableVerification await(Future<TableVerification> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
