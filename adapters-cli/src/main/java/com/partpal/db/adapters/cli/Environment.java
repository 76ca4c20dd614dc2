package com.partpal.db.adapters.cli;

/** The defaults users already have in their .env files, as the old migration script read them. */
public final class Environment {
    static final String SQLITE_URL = "SQLITE_URL";
    public static final String POSTGRES_URL = "POSTGRES_URL";
    public static final String DATABASE_URL = "DATABASE_URL";

    private Environment() {
    }

    public static String sourceDefault() {
        return System.getenv(SQLITE_URL);
    }

    static String targetDefault() {
        return orDefault(System.getenv(POSTGRES_URL), System.getenv(DATABASE_URL));
    }

    static String orDefault(String given, String fallback) {
        return given != null && !given.isBlank() ? given : fallback;
    }

    /** --db or the defaults; none at all is one line. */
    static String requiredTarget(String given) {
        String location = orDefault(given, targetDefault());
        if (location == null || location.isBlank()) {
            throw new com.partpal.db.domain.BadInputException("no database given: use --db or set POSTGRES_URL or DATABASE_URL");
        }
        return location;
    }
}
