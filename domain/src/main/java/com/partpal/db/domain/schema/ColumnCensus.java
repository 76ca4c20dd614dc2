package com.partpal.db.domain.schema;

/**
 * How a column's stored values are typed (SQLite typeof() counts), and for date/time columns what the values look like.
 * The datetime counts are -1 for columns that are not date/time columns.
 *
 * @param outside32Bit integer-like values outside the 32-bit range (they make an INT column bigint)
 */
public record ColumnCensus(String column, long integers, long reals, long texts, long blobs, long nulls,
                           long epochMillis, long epochSeconds, long isoText, long otherText,
                           long outside32Bit) {
    public boolean mixed() {
        int kinds = 0;
        for (long n : new long[] {integers, reals, texts, blobs}) {
            if (n > 0) {
                kinds++;
            }
        }
        return kinds > 1;
    }
}
