package com.partpal.db.adapters.cli;

/** The defaults users already have in their .env files, as the old migration script read them. */
final class Environment {
    private Environment() {
    }

    static String sourceDefault() {
        return System.getenv("SQLITE_URL");
    }

    static String targetDefault() {
        String postgres = System.getenv("POSTGRES_URL");
        return postgres != null && !postgres.isBlank() ? postgres : System.getenv("DATABASE_URL");
    }

    static String orDefault(String given, String fallback) {
        return given != null && !given.isBlank() ? given : fallback;
    }
}
