package com.partpal.db.domain.backup;

import com.partpal.db.domain.BadInputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a backup file was encrypted: the scheme, and the id of the key (a hash of it, never the key itself), so that
 * a restore can name the key it needs.
 */
public record BackupEncryption(String scheme, String keyId) {
    /** Tink's streaming AEAD: AES-256-GCM, keys derived with HKDF-SHA256, 1 MiB segments. */
    public static final String TINK_AES256_GCM_HKDF_1MB = "tink-aes256-gcm-hkdf-1mb";
    /** What an encrypted backup file's name ends with, after its format's own extension. */
    public static final String EXTENSION = ".enc";

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", scheme);
        m.put("keyId", keyId);
        return m;
    }

    static BackupEncryption fromMap(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> m) || !(m.get("scheme") instanceof String scheme)
                || !(m.get("keyId") instanceof String keyId)) {
            throw new BadInputException("its encryption must name a scheme and a keyId");
        }
        return new BackupEncryption(scheme, keyId);
    }
}
