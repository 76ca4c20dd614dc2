package com.partpal.db.adapters.postgres;

import com.partpal.db.domain.BadInputException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client key for the JDBC driver, which reads DER PKCS#8 (or PKCS#12) only, when the URL's {@code sslkey} is the PEM
 * file libpq, pg_dump and Prisma read. The PEM key (PKCS#8 "PRIVATE KEY", PKCS#1 "RSA PRIVATE KEY" or SEC1 "EC PRIVATE
 * KEY") is written once per file version as DER into a temporary file only this user may read (0600), deleted when the
 * JVM exits; an encrypted PKCS#8 key stays encrypted (the driver decrypts it with sslpassword). The key's content is
 * never logged. Any other file (DER, PKCS#12) is given to the driver as it is.
 */
final class DerClientKey {
    private static final Map<String, Path> CONVERTED = new ConcurrentHashMap<>();

    private DerClientKey() {
    }

    /** The file the driver should read for {@code sslkey}: the file itself, or its DER copy when it is PEM. */
    static String forDriver(String sslkey) {
        Path key = Path.of(sslkey);
        if (!Files.isRegularFile(key) || !isPem(key)) {
            return sslkey;
        }
        String version;
        try {
            FileTime modified = Files.getLastModifiedTime(key);
            version = key.toRealPath() + "\0" + Files.size(key) + "\0" + modified.toMillis();
        } catch (IOException e) {
            throw unreadable(sslkey, e.getMessage());
        }
        return CONVERTED.computeIfAbsent(version, v -> convert(key)).toString();
    }

    private static boolean isPem(Path key) {
        try (InputStream in = Files.newInputStream(key)) {
            return new String(in.readNBytes(64), StandardCharsets.US_ASCII).stripLeading().startsWith("-----BEGIN");
        } catch (IOException e) {
            return false;
        }
    }

    private static Path convert(Path key) {
        byte[] der = der(key);
        try {
            Path file = Files.createTempFile("partpal-db-client-key-", ".pk8",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            file.toFile().deleteOnExit();
            Files.write(file, der);
            return file;
        } catch (IOException e) {
            throw new BadInputException("cannot write a DER copy of the client key " + key
                    + " for the JDBC driver: " + e.getMessage());
        }
    }

    private static byte[] der(Path key) {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(key, StandardCharsets.US_ASCII)))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw unreadable(key.toString(), "not a PEM private key");
        }
        try {
            if (parsed instanceof PrivateKeyInfo info) {
                return info.getEncoded();
            }
            if (parsed instanceof PEMKeyPair pair) {
                return pair.getPrivateKeyInfo().getEncoded();
            }
            if (parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                return encrypted.getEncoded();
            }
        } catch (IOException e) {
            throw unreadable(key.toString(), e.getMessage());
        }
        if (parsed instanceof PEMEncryptedKeyPair) {
            throw new BadInputException("the client key " + key + " is encrypted the old OpenSSL way, which the JDBC"
                    + " driver cannot read: convert it with openssl pkcs8 -topk8 -in " + key + " -out client.key"
                    + " (it keeps a password; pass it as sslpassword)");
        }
        throw unreadable(key.toString(), "it holds no private key");
    }

    private static BadInputException unreadable(String key, String why) {
        return new BadInputException("cannot read the client key " + key + " (sslkey): " + why);
    }
}
