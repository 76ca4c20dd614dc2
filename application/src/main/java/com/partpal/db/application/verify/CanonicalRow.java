package com.partpal.db.application.verify;

/**
 * A row in comparable form: canonical values in the compared columns' order.
 *
 * @param rejection why migrate's rules reject this (SQLite) row, or null; its values are then the raw cells
 * @param rawKey    the raw primary key values (or null): how the rejects file names the row
 */
record CanonicalRow(Object[] values, long rowid, String rejection, Object[] rawKey) {
}
