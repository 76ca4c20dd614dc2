package com.partpal.db.domain.value;

/** How an integer (or integer text) in a timestamp or date column is read. */
public enum EpochUnit {
    /** Epoch milliseconds when |v| >= 100000000000 (about 1973-03-03 in milliseconds), else epoch seconds. */
    THRESHOLD("integers: epoch ms when |v| >= 100000000000, else epoch s"),
    /** Always epoch milliseconds, whatever the size (how Prisma writes DateTime to SQLite). */
    MILLISECONDS("integers: epoch ms"),
    /** Always epoch seconds. */
    SECONDS("integers: epoch s");

    private final String description;

    EpochUnit(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** "s" or "ms", as --epoch-unit takes them; null for anything else. */
    public static EpochUnit parse(String text) {
        return switch (text) {
            case "s" -> SECONDS;
            case "ms" -> MILLISECONDS;
            default -> null;
        };
    }
}
