package com.partpal.db.adapters.http;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bearer tokens the API takes: the main one (partpal.http.token, else $PARTPAL_DB_TOKEN) with the operator role,
 * and any named one from the configuration, {@code partpal.http.tokens.NAME.token} with
 * {@code partpal.http.tokens.NAME.role} {@code read-only} (dashboards: GETs only) or {@code operator} (jobs and
 * restores too). The scheme is case-insensitive (RFC 9110); tokens are compared in constant time.
 */
@Singleton
public final class ApiToken {
    public static final String PROPERTY = "partpal.http.token";
    static final String NAMED = "partpal.http.tokens";

    /** What a token may do. */
    enum Role {
        READ_ONLY, OPERATOR;

        static Role parse(String name, String text) {
            try {
                return Role.valueOf(String.valueOf(text).trim().replace('-', '_').toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(NAMED + "." + name + ".role must be read-only or operator, not " + text);
            }
        }
    }

    /** Who called: the token's name (never the token) and its role. */
    record Caller(String name, Role role) {
    }

    private record Known(Caller caller, byte[] token) {
    }

    private final List<Known> tokens = new ArrayList<>();

    public ApiToken(@Property(name = PROPERTY) @Nullable String configured, Environment environment) {
        String token = configured != null && !configured.isBlank() ? configured : System.getenv("PARTPAL_DB_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("no API token: set PARTPAL_DB_TOKEN or " + PROPERTY);
        }
        tokens.add(new Known(new Caller("main", Role.OPERATOR), bytes(token)));
        for (String name : environment.getPropertyEntries(NAMED)) {
            String value = environment.getProperty(NAMED + "." + name + ".token", String.class)
                    .orElseThrow(() -> new IllegalStateException(NAMED + "." + name + ".token is not set"));
            if (value.isBlank()) {
                throw new IllegalStateException(NAMED + "." + name + ".token is empty");
            }
            Role role = Role.parse(name, environment.getProperty(NAMED + "." + name + ".role", String.class)
                    .orElse("read-only"));
            tokens.add(new Known(new Caller(name, role), bytes(value)));
        }
    }

    /** The caller an Authorization header names, if it carries one of the tokens. */
    Optional<Caller> caller(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.trim();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
            return Optional.empty();
        }
        byte[] given = bytes(header.substring(space + 1).trim());
        Caller found = null;
        for (Known known : tokens) { // every token is compared, so the time taken says nothing about which matched
            if (MessageDigest.isEqual(known.token(), given) && found == null) {
                found = known.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] bytes(String token) {
        return token.getBytes(StandardCharsets.UTF_8);
    }
}
