package com.partpal.db.adapters.files.crypto;

import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.domain.BadInputException;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Tink's streaming AEAD (AES-256-GCM with per-file keys derived by HKDF-SHA256, 1 MiB segments, each
 * authenticated): files of any size are encrypted and decrypted in constant memory, and a changed, cut or reordered
 * segment fails to decrypt. The associated data binds a file to the database it is a backup of.
 */
final class StreamingCipher {
    private static final int SEGMENT = 1 << 20;

    private StreamingCipher() {
    }

    static void encrypt(byte[] key, byte[] associatedData, Path plain, Path encrypted) {
        try (InputStream in = Files.newInputStream(plain);
             OutputStream out = aead(key).newEncryptingStream(Files.newOutputStream(encrypted), associatedData)) {
            in.transferTo(out);
        } catch (IOException | GeneralSecurityException e) {
            throw new BackupFailedException("encrypting " + plain.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    /** Decrypts; a file that does not authenticate (altered, or another key) is a BadInputException naming what. */
    static void decrypt(byte[] key, byte[] associatedData, Path encrypted, Path plain, String what) {
        try (InputStream in = aead(key).newDecryptingStream(Files.newInputStream(encrypted), associatedData);
             OutputStream out = Files.newOutputStream(plain)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = read(in, buffer, what); n >= 0; n = read(in, buffer, what)) {
                out.write(buffer, 0, n);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new BackupFailedException("cannot decrypt " + what + " into " + plain + ": " + e.getMessage(), e);
        }
    }

    private static int read(InputStream in, byte[] buffer, String what) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new BadInputException(what + " does not decrypt: its encrypted data does not authenticate (it was"
                    + " altered, or it is not of this database or key); nothing was restored from it");
        }
    }

    private static AesGcmHkdfStreaming aead(byte[] key) throws GeneralSecurityException {
        return new AesGcmHkdfStreaming(key, "HmacSha256", 32, SEGMENT, 0);
    }
}
