package com.partpal.db.adapters.files;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** File chores of the catalogue: hashing, recognising backup files, atomic small writes, quiet deletes. */
public final class CatalogueFiles {
    /** What every temporary name in the catalogue ends with (SQLite adds -journal, -wal or -shm to its own). */
    static final String PARTIAL = ".partial";

    private CatalogueFiles() {
    }

    public static String sha256Of(Path file) {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file);
             OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            in.transferTo(sink);
        } catch (IOException e) {
            throw new BadInputException("cannot read backup file " + file + ": " + e.getMessage());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String sha256Of(String text) {
        return HexFormat.of().formatHex(sha256Digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Recognises custom dumps (PGDMP), gzip (.sql.gz), SQLite files and plain .sql by content and name. */
    static BackupFormat detectFormat(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage());
        }
        if (startsWith(head, "PGDMP".getBytes(StandardCharsets.US_ASCII))) {
            return BackupFormat.CUSTOM;
        }
        if (startsWith(head, new byte[] {0x1f, (byte) 0x8b})) {
            return BackupFormat.PLAIN_GZIP;
        }
        if (startsWith(head, "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII))) {
            return BackupFormat.SQLITE;
        }
        if (file.getFileName().toString().endsWith(".sql")) {
            return BackupFormat.PLAIN;
        }
        throw new BadInputException(file + " is not a backup partpal-db reads (custom dump, .sql, .sql.gz or SQLite)");
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Copies a local file over another (a backup into another store's staging file). */
    public static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new com.partpal.db.application.port.backup.BackupFailedException("cannot copy " + from + " to " + to
                    + ": " + e.getMessage(), e);
        }
    }

    /** A temporary dot-file beside path, synced, then renamed over it: readers see the old text or the new. */
    static void writeAtomically(Path path, String text) throws IOException {
        Path temp = path.resolveSibling("." + path.getFileName() + PARTIAL);
        try {
            Files.writeString(temp, text + "\n", StandardCharsets.UTF_8);
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** True for names only a run in progress (or one that died) writes. */
    static boolean temporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && (name.endsWith(PARTIAL) || name.contains(PARTIAL + "-"));
    }

    public static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // non-empty directories stay; a leftover temporary file is removed by the next run
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
