package com.partpal.db.adapters.postgres;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScramSecretTest {
    /** RFC 7677's example exchange: user "user", password "pencil". */
    private static final String AUTH_MESSAGE = "n=user,r=rOprNGfwEbeRWgbNEkqO,"
            + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
            + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final String CLIENT_PROOF = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String SERVER_SIGNATURE = "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    @Test
    void theVerifierChecksRfc7677sExampleProofAndSignature() throws Exception {
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        String secret = ScramSecret.of("pencil", salt, 4096);
        assertTrue(secret.startsWith("SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$"), secret);
        assertTrue(ScramSecret.isScram(secret));
        String[] keys = secret.substring(secret.lastIndexOf('$') + 1).split(":");
        byte[] storedKey = Base64.getDecoder().decode(keys[0]);
        byte[] serverKey = Base64.getDecoder().decode(keys[1]);

        byte[] clientSignature = hmac(storedKey, AUTH_MESSAGE);
        byte[] proof = Base64.getDecoder().decode(CLIENT_PROOF);
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        assertArrayEquals(storedKey, MessageDigest.getInstance("SHA-256").digest(clientKey));
        assertEquals(SERVER_SIGNATURE, Base64.getEncoder().encodeToString(hmac(serverKey, AUTH_MESSAGE)));
    }

    @Test
    void recognisesOnlyScramVerifiers() {
        assertFalse(ScramSecret.isScram("md5d41d8cd98f00b204e9800998ecf8427e"));
        assertFalse(ScramSecret.isScram("secret"));
        assertFalse(ScramSecret.isScram(null));
    }

    @Test
    void nonAsciiSpacesAreMappedAndTextNormalisedAsSaslPrepDoes() {
        assertEquals("a b", ScramSecret.prepare("a\u00A0b"));
        assertEquals("\u00C5", ScramSecret.prepare("A\u030A"));
        assertEquals("plain", ScramSecret.prepare("plain"));
    }

    private static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
