package com.partpal.db.domain.backup;

import com.partpal.db.domain.BadInputException;

import java.util.Arrays;

/** How a backup file is written: its name in manifests, its compression and its file extension. */
public enum BackupFormat {
    /** pg_dump --format=custom (compressed internally, read with pg_restore). */
    CUSTOM("custom", "internal", "dump"),
    /** Plain SQL through gzip: the old scripts' .sql.gz. */
    PLAIN_GZIP("plain", "gzip", "sql.gz"),
    /** Plain SQL, uncompressed (only read, from old files). */
    PLAIN("plain", "none", "sql"),
    /** A SQLite database file made with the online backup API. */
    SQLITE("sqlite", "none", "sqlite");

    private final String formatName;
    private final String compression;
    private final String extension;

    BackupFormat(String formatName, String compression, String extension) {
        this.formatName = formatName;
        this.compression = compression;
        this.extension = extension;
    }

    public String formatName() {
        return formatName;
    }

    public String compression() {
        return compression;
    }

    public String extension() {
        return extension;
    }

    public boolean plainSql() {
        return this == PLAIN || this == PLAIN_GZIP;
    }

    public static BackupFormat of(String formatName, String compression) {
        return Arrays.stream(values())
                .filter(f -> f.formatName.equals(formatName) && f.compression.equals(compression))
                .findFirst()
                .orElseThrow(() -> new BadInputException("unknown backup format " + formatName + "/" + compression));
    }

    /** The --format option of the backup command: custom or plain (plain means .sql.gz). */
    public static BackupFormat fromOption(String option) {
        return switch (option == null ? "custom" : option.toLowerCase()) {
            case "custom" -> CUSTOM;
            case "plain" -> PLAIN_GZIP;
            default -> throw new BadInputException("--format must be custom or plain, not " + option);
        };
    }
}
