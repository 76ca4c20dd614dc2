package com.partpal.db.adapters.files.crypto;

import com.partpal.db.domain.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The backup keys of a key file: one key a line, each the base64 of 32 random bytes ({@code openssl rand -base64
 * 32}); the first encrypts new backups, every one decrypts (so a rotated-out key still restores the backups made
 * with it). Blank lines and lines starting with # are ignored. A key is known by its id, a hash of it, which
 * manifests record; the key itself is never printed. The file must not be readable by group or others.
 */
public final class BackupKeys {
    private static final int KEY_BYTES = 32;
    private final Path file;
    private final Map<String, byte[]> byId;

    private BackupKeys(Path file, Map<String, byte[]> byId) {
        this.file = file;
        this.byId = byId;
    }

    public static BackupKeys read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("backup key file " + file + " not found");
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                throw new BadInputException("backup key file " + file + " may be read by other users: chmod 600 it");
            }
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: nothing to check
        } catch (IOException e) {
            throw new BadInputException("cannot read backup key file " + file + ": " + e.getMessage());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new BadInputException("cannot read backup key file " + file + ": " + e.getMessage());
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("backup key file " + file + ", line " + number + ": not base64 (make a key"
                        + " with: openssl rand -base64 32)");
            }
            if (key.length != KEY_BYTES) {
                throw new BadInputException("backup key file " + file + ", line " + number + ": a key is 32 bytes,"
                        + " this is " + key.length + " (make one with: openssl rand -base64 32)");
            }
            keys.putIfAbsent(idOf(key), key);
        }
        if (keys.isEmpty()) {
            throw new BadInputException("backup key file " + file + " holds no key (make one with: openssl rand"
                    + " -base64 32)");
        }
        return new BackupKeys(file, keys);
    }

    /** A key's id: the first 16 hex digits of SHA-256 over a label and the key; it tells keys apart, no more. */
    static String idOf(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("partpal-db backup key\n".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest(key)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path file() {
        return file;
    }

    /** The id of the key that encrypts new backups. */
    public String currentId() {
        return byId.keySet().iterator().next();
    }

    byte[] current() {
        return byId.get(currentId());
    }

    /** The key with this id, or a BadInputException naming the ids the file holds. */
    byte[] key(String id, String what) {
        byte[] key = byId.get(id);
        if (key == null) {
            throw new BadInputException(what + " was encrypted with key " + id + ", which " + file + " does not hold"
                    + " (it holds " + String.join(", ", byId.keySet()) + "): give the key file it was made with");
        }
        return key;
    }
}
