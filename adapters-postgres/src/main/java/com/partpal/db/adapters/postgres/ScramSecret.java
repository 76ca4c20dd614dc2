package com.partpal.db.adapters.postgres;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * PostgreSQL's SCRAM-SHA-256 password verifier (RFC 5802/7677, as pg_authid.rolpassword stores it):
 * {@code SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey}. It lets a server (or PgBouncer) check a password
 * without holding it.
 */
public final class ScramSecret {
    public static final int DEFAULT_ITERATIONS = 4096;
    private static final Pattern FORM = Pattern.compile("SCRAM-SHA-256\\$\\d+:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+");

    private ScramSecret() {
    }

    public static boolean isScram(String stored) {
        return stored != null && FORM.matcher(stored).matches();
    }

    /** The verifier of a password with the given salt (16 random bytes, as PostgreSQL uses). */
    public static String of(String password, byte[] salt, int iterations) {
        try {
            char[] prepared = prepare(password).toCharArray();
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(prepared, salt, iterations, 256)).getEncoded();
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            byte[] serverKey = hmac(salted, "Server Key");
            Base64.Encoder b64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey)
                    + ":" + b64.encodeToString(serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM lacks PBKDF2WithHmacSHA256 or HmacSHA256", e);
        }
    }

    /** SASLprep as PostgreSQL applies it, for the common cases: non-ASCII spaces become spaces, then NFKC. */
    static String prepare(String password) {
        if (password.chars().allMatch(c -> c < 0x80)) {
            return password;
        }
        StringBuilder mapped = new StringBuilder();
        password.codePoints().forEach(c -> {
            if (Character.isSpaceChar(c)) {
                mapped.append(' ');
            } else if (c != 0x00AD && c != 0x200B && c != 0x2060 && c != 0xFEFF && !(c >= 0xFE00 && c <= 0xFE0F)) {
                mapped.appendCodePoint(c);
            }
        });
        return Normalizer.normalize(mapped, Normalizer.Form.NFKC);
    }

    private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
