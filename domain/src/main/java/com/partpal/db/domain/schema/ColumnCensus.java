package com.partpal.db.domain.schema;

/**
 * How a column's stored values are typed (SQLite typeof() counts), and for date/time columns what the values look like.
 * The datetime counts are -1 for columns that are not date/time columns.
 *
 * @param outside32Bit    integer-like values outside the 32-bit range (they make an INT column bigint)
 * @param finerThanMillis date/time text with more than 3 fractional digits (Django, Rails, SQLAlchemy microseconds)
 * @param finerThanMicros date/time text with more than 6 fractional digits
 * @param timeOfDay       date/time values whose time of day is not midnight (integers read by the threshold rule)
 * @param breaksRule      for integer and boolean columns, the values their rule rejects (3.5, 'abc', a blob in an
 *                        integer column; 2, 'maybe', a real in a boolean column); -1 for other columns
 */
public record ColumnCensus(String column, long integers, long reals, long texts, long blobs, long nulls,
                           long epochMillis, long epochSeconds, long isoText, long otherText,
                           long outside32Bit, long finerThanMillis, long finerThanMicros, long timeOfDay,
                           long breaksRule) {
    public ColumnCensus(String column, long integers, long reals, long texts, long blobs, long nulls,
                        long epochMillis, long epochSeconds, long isoText, long otherText, long outside32Bit) {
        this(column, integers, reals, texts, blobs, nulls, epochMillis, epochSeconds, isoText, otherText, outside32Bit,
                -1, -1, -1, -1);
    }

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
