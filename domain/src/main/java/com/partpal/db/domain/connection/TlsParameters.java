package com.partpal.db.domain.connection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TLS settings of a URL in the PostgreSQL JDBC driver's names, which are libpq's ({@code sslmode}, {@code sslrootcert},
 * {@code sslcert}, {@code sslkey}, {@code sslpassword}). Prisma writes them differently: its {@code sslcert} is the
 * CA's certificate (libpq's sslrootcert), {@code sslidentity} a PKCS#12 client identity and {@code sslaccept=strict}
 * asks for verification. A URL is read as Prisma's when it has sslidentity or sslaccept, or an sslcert without an
 * sslkey (a client certificate without its key cannot be libpq's meaning).
 */
public final class TlsParameters {
    private TlsParameters() {
    }

    /** The driver's TLS properties for a URL's sslmode and other parameters; other parameters are left out. */
    public static Map<String, String> forDriver(String sslmode, Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean prisma = params.containsKey("sslidentity") || params.containsKey("sslaccept")
                || (params.containsKey("sslcert") && !params.containsKey("sslkey"));
        String mode = sslmode;
        if (prisma) {
            putIfPresent(out, "sslrootcert", params.getOrDefault("sslrootcert", params.get("sslcert")));
            putIfPresent(out, "sslkey", params.get("sslidentity"));
            putIfPresent(out, "sslpassword", params.get("sslpassword"));
            String accept = params.get("sslaccept");
            if ("strict".equals(accept) && (mode == null || mode.equals("prefer") || mode.equals("require"))) {
                mode = "verify-full";
            } else if ("accept_invalid_certs".equals(accept)) {
                out.put("sslfactory", "org.postgresql.ssl.NonValidatingFactory");
            }
        } else {
            for (String key : new String[]{"sslrootcert", "sslcert", "sslkey", "sslpassword"}) {
                putIfPresent(out, key, params.get(key));
            }
        }
        putIfPresent(out, "sslmode", mode);
        return out;
    }

    private static void putIfPresent(Map<String, String> out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
