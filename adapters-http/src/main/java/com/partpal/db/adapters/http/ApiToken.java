package com.partpal.db.adapters.http;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The bearer token every endpoint but /api/health requires (partpal.http.token, else $PARTPAL_DB_TOKEN). */
@Singleton
public final class ApiToken {
    public static final String PROPERTY = "partpal.http.token";
    private final byte[] token;

    public ApiToken(@Property(name = PROPERTY) @Nullable String configured) {
        String token = configured != null && !configured.isBlank() ? configured : System.getenv("PARTPAL_DB_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("no API token: set PARTPAL_DB_TOKEN or " + PROPERTY);
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether an Authorization header carries this token (compared in constant time). */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token, given);
    }
}
