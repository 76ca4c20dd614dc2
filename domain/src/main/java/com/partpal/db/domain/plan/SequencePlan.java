package com.partpal.db.domain.plan;

/**
 * The sequence behind an INTEGER PRIMARY KEY: after the load its next value is
 * max(max copied id, highestSourceKey) + 1.
 *
 * @param sequenceName     {table}_{column}_seq, as PostgreSQL's serial names it
 * @param highestSourceKey the highest key the source has used (largest rowid, or sqlite_sequence.seq when
 *                         larger), rows rejected on the way included; null for an empty table
 */
public record SequencePlan(String column, String sequenceName, Long highestSourceKey) {
}
