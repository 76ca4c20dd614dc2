package com.partpal.db.domain.connection;

import com.partpal.db.domain.BadInputException;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A PostgreSQL connection as users write it: {@code postgresql://} / {@code postgres://} URLs with Prisma's query
 * parameters, or {@code jdbc:postgresql:} URLs. {@link #toString()} and {@link #masked()} never show the password.
 *
 * @param schema               the target schema (Prisma's {@code schema}, JDBC's {@code currentSchema}), "public" by default
 * @param connectionLimit      Prisma's {@code connection_limit} (pool size), or null
 * @param poolTimeoutSeconds   Prisma's {@code pool_timeout} (seconds to wait for a pooled connection, 0 = forever), or null
 * @param connectTimeoutSeconds {@code connect_timeout} / {@code connectTimeout} in seconds, or null
 * @param sslmode              disable, allow, prefer, require, verify-ca or verify-full, or null
 * @param pgbouncer            Prisma's {@code pgbouncer=true}: no server-side prepared statements
 * @param otherParams          any other query parameters, as given
 */
public record PostgresUrl(String host, int port, String database, String user, String password, String schema,
                          Integer connectionLimit, Integer poolTimeoutSeconds, Integer connectTimeoutSeconds,
                          String sslmode, boolean pgbouncer, Map<String, String> otherParams) {
    public static final int DEFAULT_PORT = 5432;
    public static final String DEFAULT_SCHEMA = "public";
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public PostgresUrl {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host is required");
        }
        if (database == null || database.isEmpty()) {
            throw new IllegalArgumentException("database is required");
        }
        schema = schema == null || schema.isEmpty() ? DEFAULT_SCHEMA : schema;
        otherParams = Collections.unmodifiableMap(new LinkedHashMap<>(otherParams == null ? Map.of() : otherParams));
    }

    /** A plain connection with defaults for everything else. */
    public static PostgresUrl of(String host, int port, String database, String user, String password) {
        return new PostgresUrl(host, port, database, user, password, DEFAULT_SCHEMA, null, null, null, null, false, Map.of());
    }

    public static boolean looksLikePostgres(String location) {
        if (location == null) {
            return false;
        }
        String lower = location.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("postgresql://") || lower.startsWith("postgres://") || lower.startsWith("jdbc:postgresql:");
    }

    /** Parses a URL; anything malformed is a BadInputException with one masked line. */
    public static PostgresUrl parse(String location) {
        if (!looksLikePostgres(location)) {
            throw bad(location, "expected postgresql://user:password@host:port/database");
        }
        try {
            return Parser.parse(location.trim());
        } catch (IllegalArgumentException e) {
            throw bad(location, e.getMessage());
        }
    }

    private static BadInputException bad(String location, String why) {
        return new BadInputException("bad PostgreSQL URL " + Secrets.mask(String.valueOf(location)) + ": " + why);
    }

    public PostgresUrl withDatabase(String newDatabase) {
        return new PostgresUrl(host, port, newDatabase, user, password, schema, connectionLimit, poolTimeoutSeconds,
                connectTimeoutSeconds, sslmode, pgbouncer, otherParams);
    }

    public PostgresUrl withSchema(String newSchema) {
        return new PostgresUrl(host, port, database, user, password, newSchema, connectionLimit, poolTimeoutSeconds,
                connectTimeoutSeconds, sslmode, pgbouncer, otherParams);
    }

    /** jdbc:postgresql://host:port/database, without credentials or parameters. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostAndPort() + "/" + encode(database);
    }

    /** The URL in postgresql:// form with the password shown as ****; safe to print. */
    public String masked() {
        return render(false);
    }

    /** The URL in postgresql:// form WITH the password, to hand to another process or use case; never print it. */
    public String connectionString() {
        return render(true);
    }

    private String render(boolean showPassword) {
        StringBuilder url = new StringBuilder("postgresql://");
        if (user != null) {
            url.append(encode(user));
            if (password != null) {
                url.append(':').append(showPassword ? encode(password) : Secrets.MASK);
            }
            url.append('@');
        }
        url.append(hostAndPort()).append('/').append(encode(database));
        Map<String, String> params = new LinkedHashMap<>();
        if (!DEFAULT_SCHEMA.equals(schema)) {
            params.put("schema", schema);
        }
        putIfSet(params, "connection_limit", connectionLimit);
        putIfSet(params, "pool_timeout", poolTimeoutSeconds);
        putIfSet(params, "connect_timeout", connectTimeoutSeconds);
        putIfSet(params, "sslmode", sslmode);
        if (pgbouncer) {
            params.put("pgbouncer", "true");
        }
        params.putAll(otherParams);
        char separator = '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            boolean hide = !showPassword && Parser.isSecretParam(param.getKey());
            String value = hide ? Secrets.MASK : encode(param.getValue());
            url.append(separator).append(encode(param.getKey())).append('=').append(value);
            separator = '&';
        }
        return url.toString();
    }

    @Override
    public String toString() {
        return masked();
    }

    private String hostAndPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static void putIfSet(Map<String, String> params, String key, Object value) {
        if (value != null) {
            params.put(key, value.toString());
        }
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** The parsing rules; errors are IllegalArgumentExceptions whose message says what is wrong. */
    private static final class Parser {
        private String user;
        private String password;
        private String schema;
        private Integer connectionLimit;
        private Integer poolTimeout;
        private Integer connectTimeout;
        private String sslmode;
        private boolean pgbouncer;
        private final Map<String, String> others = new LinkedHashMap<>();

        static PostgresUrl parse(String location) {
            return new Parser().parseUrl(location);
        }

        static boolean isSecretParam(String key) {
            String lower = key.toLowerCase(Locale.ROOT);
            return lower.contains("password") || lower.equals("sslkey");
        }

        private PostgresUrl parseUrl(String location) {
            int schemeEnd = location.indexOf(':');
            String scheme = location.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            String rest = location.substring(schemeEnd + 1);
            boolean jdbc = scheme.equals("jdbc");
            if (jdbc) {
                rest = rest.substring("postgresql:".length());
            }
            int fragment = rest.indexOf('#');
            if (fragment >= 0) {
                rest = rest.substring(0, fragment);
            }
            int queryStart;
            String host = "localhost";
            int port = DEFAULT_PORT;
            String database;
            if (rest.startsWith("//")) {
                rest = rest.substring(2);
                int authorityEnd = indexOfAny(rest, "/?");
                String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
                rest = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
                int at = authority.lastIndexOf('@');
                if (at >= 0) {
                    String userInfo = authority.substring(0, at);
                    int colon = userInfo.indexOf(':');
                    user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), false);
                    password = colon < 0 ? null : decode(userInfo.substring(colon + 1), false);
                    authority = authority.substring(at + 1);
                }
                String hostPort = authority;
                if (hostPort.indexOf(',') >= 0) {
                    throw new IllegalArgumentException("several hosts are not supported");
                }
                String portText = null;
                if (hostPort.startsWith("[")) {
                    int close = hostPort.indexOf(']');
                    if (close < 0) {
                        throw new IllegalArgumentException("unclosed [ in IPv6 host");
                    }
                    host = hostPort.substring(1, close);
                    String after = hostPort.substring(close + 1);
                    if (!after.isEmpty()) {
                        if (!after.startsWith(":")) {
                            throw new IllegalArgumentException("unexpected text after IPv6 host");
                        }
                        portText = after.substring(1);
                    }
                } else {
                    int colon = hostPort.lastIndexOf(':');
                    host = decode(colon < 0 ? hostPort : hostPort.substring(0, colon), false);
                    portText = colon < 0 ? null : hostPort.substring(colon + 1);
                }
                if (host.isEmpty()) {
                    throw new IllegalArgumentException("missing host");
                }
                if (portText != null) {
                    port = parsePort(portText);
                }
                if (rest.startsWith("/")) {
                    rest = rest.substring(1);
                }
            } else if (!jdbc) {
                throw new IllegalArgumentException("expected // after the scheme");
            }
            queryStart = rest.indexOf('?');
            database = decode(queryStart < 0 ? rest : rest.substring(0, queryStart), false);
            if (queryStart >= 0) {
                parseQuery(rest.substring(queryStart + 1));
            }
            if (database.isEmpty()) {
                throw new IllegalArgumentException("missing database name");
            }
            return new PostgresUrl(host, port, database, user, password, schema, connectionLimit, poolTimeout,
                    connectTimeout, sslmode, pgbouncer, others);
        }

        private void parseQuery(String query) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq), true);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
                switch (key) {
                    case "schema", "currentSchema" -> schema = requireNonEmpty(key, value);
                    case "connection_limit" -> connectionLimit = wholeNumber(key, value, 1);
                    case "pool_timeout" -> poolTimeout = wholeNumber(key, value, 0);
                    case "connect_timeout", "connectTimeout" -> connectTimeout = wholeNumber(key, value, 0);
                    case "sslmode" -> sslmode = sslMode(value);
                    case "pgbouncer" -> pgbouncer = flag(key, value);
                    case "user" -> user = user == null ? value : user;
                    case "password" -> password = password == null ? value : password;
                    default -> others.put(key, value);
                }
            }
        }

        private static String requireNonEmpty(String key, String value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException(key + " is empty");
            }
            return value;
        }

        private static int parsePort(String text) {
            if (text.isEmpty()) {
                return DEFAULT_PORT;
            }
            Integer port = text.chars().allMatch(Character::isDigit) && text.length() <= 5 ? Integer.valueOf(text) : null;
            if (port == null || port < 1 || port > 65535) {
                // the text is not echoed: with an unencoded '/' in the password it could be part of the password
                throw new IllegalArgumentException("the port must be a number from 1 to 65535 "
                        + "(percent-encode special characters in the password, e.g. / as %2F)");
            }
            return port;
        }

        private static int wholeNumber(String key, String value, int minimum) {
            try {
                int number = Integer.parseInt(value);
                if (number >= minimum) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(key + " must be a whole number >= " + minimum + ", got '" + value + "'");
        }

        private static String sslMode(String value) {
            String mode = value.toLowerCase(Locale.ROOT);
            if (!SSL_MODES.contains(mode)) {
                throw new IllegalArgumentException("sslmode must be one of disable, allow, prefer, require, verify-ca, "
                        + "verify-full, got '" + value + "'");
            }
            return mode;
        }

        private static boolean flag(String key, String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on", "" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
            };
        }

        private static int indexOfAny(String text, String chars) {
            for (int i = 0; i < text.length(); i++) {
                if (chars.indexOf(text.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }

        /** Percent-decoding as UTF-8; in a query, '+' is a space (as form encoding and Prisma read it). */
        private static String decode(String text, boolean query) {
            if (text.indexOf('%') < 0 && !(query && text.indexOf('+') >= 0)) {
                return text;
            }
            byte[] bytes = new byte[text.getBytes(StandardCharsets.UTF_8).length];
            int length = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '%') {
                    int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                    int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                    if (low < 0) {
                        throw new IllegalArgumentException("bad percent-encoding (% must be followed by two hex digits)");
                    }
                    bytes[length++] = (byte) (high << 4 | low);
                    i += 2;
                } else if (c == '+' && query) {
                    bytes[length++] = ' ';
                } else {
                    int end = i;
                    while (end < text.length() && text.charAt(end) != '%' && !(query && text.charAt(end) == '+')) {
                        end++;
                    }
                    byte[] plain = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(plain, 0, bytes, length, plain.length);
                    length += plain.length;
                    i = end - 1;
                }
            }
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }
    }
}
