package com.partpal.db.domain.plan;

/**
 * The sequence behind an INTEGER PRIMARY KEY: after the load its next value is
 * max(max copied id, sqliteSequence) + 1.
 *
 * @param sequenceName {table}_{column}_seq, as PostgreSQL's serial names it
 * @param sqliteSequence sqlite_sequence.seq for the table, or null
 */
public record SequencePlan(String column, String sequenceName, Long sqliteSequence) {
}
