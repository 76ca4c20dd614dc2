package com.partpal.db.domain.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * 128-bit hashes of canonical rows (MD5 of an unambiguous encoding) and their order-independent sum: a table's
 * checksum is the sum modulo 2^128 of its rows' hashes, so it can be computed while streaming in any order, and a
 * duplicated row changes it.
 */
public final class RowHash {
    private final MessageDigest md5;
    private final Sink sink = new Sink();
    private long sumHigh;
    private long sumLow;
    private long rows;

    public RowHash() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    /** The hash of one row of canonical values (see {@link CanonicalValue}), as {high, low}. */
    public long[] hash(Object[] row) {
        for (Object value : row) {
            CanonicalValue.encode(value, sink);
        }
        byte[] digest = md5.digest();
        return new long[] {longAt(digest, 0), longAt(digest, 8)};
    }

    /** Hashes the row and adds it to the checksum; returns the row's hash. */
    public long[] add(Object[] row) {
        long[] h = hash(row);
        long low = sumLow + h[1];
        sumHigh += h[0] + (Long.compareUnsigned(low, sumLow) < 0 ? 1 : 0);
        sumLow = low;
        rows++;
        return h;
    }

    public long rows() {
        return rows;
    }

    /** The checksum as 32 hex digits. */
    public String checksum() {
        return String.format("%016x%016x", sumHigh, sumLow);
    }

    private static long longAt(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    /** Feeds the digest. */
    final class Sink {
        private final byte[] buffer = new byte[8];

        Sink tag(char tag) {
            md5.update((byte) tag);
            return this;
        }

        Sink putLong(long v) {
            for (int i = 7; i >= 0; i--) {
                buffer[i] = (byte) v;
                v >>>= 8;
            }
            md5.update(buffer, 0, 8);
            return this;
        }

        Sink putBytes(byte[] bytes) {
            putLong(bytes.length);
            md5.update(bytes);
            return this;
        }
    }
}
