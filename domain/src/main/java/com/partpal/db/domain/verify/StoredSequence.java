package com.partpal.db.domain.verify;

/**
 * The sequence behind a key column.
 *
 * @param nextValue the value the next insert would get, or null when the database cannot tell (SQLite)
 */
public record StoredSequence(String column, Long nextValue) {
}
