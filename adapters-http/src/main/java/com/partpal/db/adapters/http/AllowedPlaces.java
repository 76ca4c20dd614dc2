package com.partpal.db.adapters.http;

import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.monitoring.ConfiguredDatabases;
import com.partpal.db.domain.connection.PostgresUrl;
import com.partpal.db.domain.connection.SqliteLocation;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the API may touch files: SQLite sources (and rejects files) are read only under {@link #SOURCES}, backup
 * catalogues and backup files live only under {@link #BACKUPS} (the server's default catalogue always counts), SQLite
 * restore targets are written only under {@link #RESTORE_TARGETS}. Anything else, including {@code ..} and symlink
 * escapes, is a {@link PlaceNotAllowedException} (403) raised before anything is opened or created. PostgreSQL URLs
 * and the operator's configured database names are not files and pass.
 */
@Singleton
final class AllowedPlaces {
    static final String SOURCES = "partpal.http.allowed.sources";
    static final String BACKUPS = "partpal.http.allowed.backups";
    static final String RESTORE_TARGETS = "partpal.http.allowed.restore-targets";

    private final AllowedDirectories sources;
    private final AllowedDirectories backups;
    private final AllowedDirectories restoreTargets;
    private final ConfiguredDatabases configured;

    AllowedPlaces(@Property(name = SOURCES) @Nullable List<String> sources,
                  @Property(name = BACKUPS) @Nullable List<String> backups,
                  @Property(name = RESTORE_TARGETS) @Nullable List<String> restoreTargets,
                  BackupServices services, ConfiguredDatabases configured) {
        this.sources = new AllowedDirectories("source", SOURCES, sources, null);
        this.backups = new AllowedDirectories("backup", BACKUPS, backups, services.directory(null));
        this.restoreTargets = new AllowedDirectories("restore target", RESTORE_TARGETS, restoreTargets, null);
        this.configured = configured;
    }

    /** A database the API reads ({@code field} names it in messages): a PostgreSQL URL, or a SQLite file under sources. */
    String readable(String field, String location) {
        return database(field, location, sources);
    }

    /** Like {@link #readable}, but a name the operator configured (partpal.databases.NAME.url, ...) also passes. */
    String monitored(String field, String nameOrLocation) {
        if (nameOrLocation != null && configured.locations().containsKey(nameOrLocation.trim())) {
            return nameOrLocation;
        }
        return readable(field, nameOrLocation);
    }

    /** A file the API reads that is not a database (a rejects file); null passes. */
    String readableFile(String field, String file) {
        if (file != null) {
            sources.check(field, Text.withoutNul(field, file));
        }
        return file;
    }

    /** A database a restore overwrites: a PostgreSQL URL, or a SQLite file under the restore targets. */
    String restoreTarget(String field, String location) {
        return database(field, location, restoreTargets);
    }

    /** A catalogue directory; null or blank (the server's default catalogue) passes. */
    String catalogue(String field, String directory) {
        if (directory != null && !directory.isBlank()) {
            backups.check(field, Text.withoutNul(field, directory));
        }
        return directory;
    }

    /** A backup file given instead of a catalogue id. */
    String backupFile(String field, String file) {
        backups.check(field, Text.withoutNul(field, file));
        return file;
    }

    /** A reference that names a file rather than a catalogue id: a path with a separator, or a file that exists. */
    static boolean looksLikeAFile(String reference) {
        if (reference.indexOf('/') >= 0 || reference.indexOf(File.separatorChar) >= 0) {
            return true;
        }
        try {
            return Files.exists(Path.of(reference));
        } catch (InvalidPathException e) {
            return true;
        }
    }

    private static String database(String field, String location, AllowedDirectories under) {
        if (location == null || location.isBlank()) {
            return location;
        }
        Text.withoutNul(field, location);
        if (PostgresUrl.looksLikePostgres(location)) {
            return location;
        }
        if (!SqliteLocation.looksLikeSqlite(location)) {
            return location; // no file: the use case refuses it with its own message
        }
        under.check(field, SqliteLocation.parse(location).path());
        return location;
    }
}
