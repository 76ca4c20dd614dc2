package com.partpal.db.domain.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Gives names PostgreSQL keeps as they are: at most 63 bytes (NAMEDATALEN - 1; longer ones would be cut silently)
 * and distinct within one namespace. A name that fits and is free is kept; otherwise it becomes its longest prefix
 * that leaves room for "_" and 8 hex digits of its SHA-256 (a counter is mixed in while that is taken), so the
 * same schema gives the same names on every run. One instance per namespace: the relations of a schema (tables,
 * indexes, sequences, key constraints) or the columns / constraints of one table.
 */
public final class TargetNames {
    public static final int MAX_BYTES = 63;
    private static final int HASH_CHARS = 8;

    private final Set<String> taken = new HashSet<>();

    /** Reserves a name that must stay as it is (it is known to fit). */
    public void reserve(String name) {
        taken.add(name);
    }

    public boolean isTaken(String name) {
        return taken.contains(name);
    }

    /** The name to use for {@code name}, now taken. */
    public String allocate(String name) {
        String candidate = name;
        for (int attempt = 0; bytes(candidate) > MAX_BYTES || taken.contains(candidate); attempt++) {
            candidate = shortened(name, attempt);
        }
        taken.add(candidate);
        return candidate;
    }

    static String shortened(String name, int attempt) {
        String hash = hash(attempt == 0 ? name : name + "#" + attempt);
        return prefix(name, MAX_BYTES - 1 - HASH_CHARS) + "_" + hash;
    }

    public static boolean fits(String name) {
        return bytes(name) <= MAX_BYTES;
    }

    private static int bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of whole code points that is at most maxBytes long in UTF-8. */
    private static String prefix(String name, int maxBytes) {
        int end = 0;
        int used = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > maxBytes) {
                break;
            }
            used += size;
            end += Character.charCount(cp);
        }
        return name.substring(0, end);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_CHARS / 2).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
