package com.partpal.db.domain.connection;

import com.partpal.db.domain.BadInputException;

import java.util.List;
import java.util.Locale;

/**
 * Where a SQLite database file is, parsed from the forms users already have in their .env files: a plain path,
 * {@code file:./dev.db} (Prisma; relative to the current directory), {@code sqlite:PATH}, {@code sqlite://PATH} and
 * {@code jdbc:sqlite:PATH}. Any {@code ?query} is dropped. Pure string handling: nothing checks the file here.
 *
 * @param path the file path as written (relative or absolute)
 */
public record SqliteLocation(String path) {
    /** Longest prefixes first, so that "sqlite://" wins over "sqlite:". */
    private static final List<String> PREFIXES = List.of("jdbc:sqlite:", "sqlite://", "sqlite:", "file://", "file:");

    public SqliteLocation {
        if (path == null || path.isBlank()) {
            throw new BadInputException("empty SQLite database path");
        }
    }

    /** True for the SQLite forms: a known prefix, or no URL scheme at all (a plain path). */
    public static boolean looksLikeSqlite(String location) {
        if (location == null || location.isBlank()) {
            return false;
        }
        return prefixOf(location) != null || scheme(location.strip()) == null;
    }

    public static SqliteLocation parse(String location) {
        if (!looksLikeSqlite(location)) {
            String scheme = location == null ? null : scheme(location.strip());
            throw new BadInputException("not a SQLite location" + (scheme == null ? "" : " (" + scheme + ":)")
                    + ": expected a path, file:PATH, sqlite:PATH or jdbc:sqlite:PATH");
        }
        String text = location.strip();
        String prefix = prefixOf(text);
        if (prefix == null) {
            return new SqliteLocation(text);
        }
        String rest = text.substring(prefix.length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.isEmpty()) {
            throw new BadInputException("no file path in SQLite location: " + text);
        }
        return new SqliteLocation(rest);
    }

    private static String prefixOf(String location) {
        String lower = location.strip().toLowerCase(Locale.ROOT);
        return PREFIXES.stream().filter(lower::startsWith).findFirst().orElse(null);
    }

    /** The URL scheme ("postgresql", "http"), or null when the text has none; a one-letter scheme is a Windows drive. */
    private static String scheme(String text) {
        int colon = text.indexOf(':');
        if (colon < 2) {
            return null;
        }
        for (int i = 0; i < colon; i++) {
            char c = text.charAt(i);
            boolean ok = Character.isLetter(c) || (i > 0 && (Character.isDigit(c) || c == '+' || c == '.' || c == '-'));
            if (!ok || c > 127) {
                return null;
            }
        }
        return text.substring(0, colon);
    }

    @Override
    public String toString() {
        return path;
    }
}
