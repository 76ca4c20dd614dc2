package com.partpal.db.domain.connection;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TlsParametersTest {
    @Test
    void libpqNamesPassAsTheyAre() {
        assertEquals(Map.of("sslrootcert", "/ca.pem", "sslcert", "/c.pem", "sslkey", "/c.pk8", "sslmode", "verify-full"),
                TlsParameters.forDriver("verify-full", Map.of("sslrootcert", "/ca.pem", "sslcert", "/c.pem", "sslkey", "/c.pk8",
                        "schema", "x")));
        assertEquals(Map.of(), TlsParameters.forDriver(null, Map.of("application_name", "a")));
    }

    @Test
    void prismasNamesBecomeTheDriversAndStrictMeansVerifyFull() {
        assertEquals(Map.of("sslrootcert", "/ca.pem", "sslkey", "/me.p12", "sslpassword", "pw", "sslmode", "verify-full"),
                TlsParameters.forDriver("require", Map.of("sslcert", "/ca.pem", "sslidentity", "/me.p12",
                        "sslpassword", "pw", "sslaccept", "strict")));
        assertEquals(Map.of("sslrootcert", "/ca.pem", "sslmode", "require"),
                TlsParameters.forDriver("require", Map.of("sslcert", "/ca.pem")));
        assertEquals(Map.of("sslfactory", "org.postgresql.ssl.NonValidatingFactory", "sslmode", "require"),
                TlsParameters.forDriver("require", Map.of("sslaccept", "accept_invalid_certs")));
        assertEquals("verify-ca", TlsParameters.forDriver("verify-ca", Map.of("sslaccept", "strict")).get("sslmode"),
                "an explicit stricter mode stays");
    }
}
