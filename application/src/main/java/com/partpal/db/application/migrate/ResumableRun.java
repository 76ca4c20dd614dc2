package com.partpal.db.application.migrate;

import com.partpal.db.application.port.OnExisting;
import com.partpal.db.application.port.RejectsSink;
import com.partpal.db.application.port.RunState;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.SourceRow;
import com.partpal.db.application.port.TableCheckpoint;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.plan.MigrationPlan;
import com.partpal.db.domain.plan.TargetTable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The start of a run that can be resumed: a new run records (in the target's bookkeeping) a fingerprint of the
 * source's state and one of the options (the DDL the plan gives, which every option that shapes the target changes);
 * {@code --resume} finds that record, refuses a changed source or other options with one line, and writes again the
 * rejects of the batches committed before (rebuilt from the source rows they name: conversion is deterministic).
 * Without --resume, an interrupted run's state stops the run unless --on-existing says to start again.
 */
final class ResumableRun {
    private ResumableRun() {
    }

    /** The record of the run being started or resumed; for a new run, call before the tables are created. */
    static RunState begin(MigrateRequest request, SourceDatabase source, TargetDatabase target, String ddl,
                          Instant started, Instant snapshot) {
        String sourceFingerprint = sha256(source.describe()) + "\n" + source.fingerprint();
        String optionsFingerprint = sha256(ddl);
        Optional<RunState> existing = target.runState();
        if (request.resume()) {
            RunState state = existing.orElseThrow(() -> new BadInputException("nothing to resume in " + target.describe()
                    + ": no interrupted partpal-db run left its state there (run without --resume)"));
            if (!state.optionsFingerprint().equals(optionsFingerprint)) {
                throw new BadInputException("cannot resume the run started " + state.startedAt() + " in "
                        + target.describe() + ": it was started with other options (tables, --json-columns, or a"
                        + " plan that differs); resume with the same options, or start again with --on-existing drop");
            }
            if (!sameSource(state.sourceFingerprint(), source)) {
                throw new BadInputException("cannot resume the run started " + state.startedAt() + ": the source "
                        + source.describe() + " changed since its snapshot of " + state.snapshotAt()
                        + "; start again with --on-existing drop");
            }
            return state;
        }
        if (existing.isPresent()) {
            if (request.onExisting() == OnExisting.FAIL) {
                throw new BadInputException("an interrupted partpal-db run (started " + existing.get().startedAt()
                        + ") left its state in " + target.describe() + ": add --resume to continue it, or use"
                        + " --on-existing drop to start again");
            }
            target.dropRunState();
        }
        return new RunState(UUID.randomUUID().toString(), started.toString(), sourceFingerprint, optionsFingerprint,
                snapshot == null ? null : snapshot.toString(), Map.of());
    }

    /** The same source (by its description) still holding what it held (as the source judges its fingerprint). */
    private static boolean sameSource(String recorded, SourceDatabase source) {
        int newline = recorded.indexOf('\n');
        return newline > 0 && recorded.substring(0, newline).equals(sha256(source.describe()))
                && source.unchangedSince(recorded.substring(newline + 1));
    }

    /** Writes the rejects the resumed run's committed batches recorded, read again from the source. */
    static void rewriteRejects(MigrationPlan plan, RunState state, SourceDatabase source, RejectsSink rejects) {
        for (Map.Entry<String, TableCheckpoint> entry : state.tables().entrySet()) {
            if (entry.getValue().rejectedRowids().isEmpty()) {
                continue;
            }
            TargetTable table = plan.table(entry.getKey()).orElseThrow();
            RowConverter converter = new RowConverter(table);
            for (SourceRow row : source.readRowsByRowid(table.source(), entry.getValue().rejectedRowids())) {
                if (converter.convert(row.values()) == null) {
                    rejects.write(converter.reject(row.rowid()));
                }
            }
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
