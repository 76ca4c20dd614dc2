package com.partpal.db.application.port.backup;

import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.DatabaseIdentity;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Backs up and restores one kind of database (PostgreSQL through pg_dump, SQLite through its online backup API).
 * Locations are what users type (URLs, paths). Problems the user can fix (missing tool, old pg_dump, corrupt archive,
 * unreachable server) are BadInputException with one line; a tool failing midway is BackupFailedException.
 */
public interface BackupEngine {
    /** "postgres" or "sqlite", as written in manifests. */
    String engine();

    boolean accepts(String location);

    boolean reads(BackupFormat format);

    /** The format to write for the --format option (null when not given). */
    BackupFormat formatFor(String option);

    /** The database's name as the catalogue files it (no credentials). */
    String databaseName(String location);

    /**
     * Which database location names, from the location alone (no connection): PostgreSQL without its system
     * identifier, SQLite by canonical path. Enough to find its backups in the catalogue.
     */
    DatabaseIdentity locate(String location);

    /** Which database location names, asking the server for its system identifier (PostgreSQL). */
    DatabaseIdentity identify(String location);

    /** True when a restore test needs a server to create its scratch database on (PostgreSQL). */
    boolean restoreTestNeedsServer();

    /** Writes a consistent backup to file (version checks first) and returns what the manifest records. */
    DumpFacts dump(String location, BackupFormat format, Path file);

    /**
     * Like {@link #dump(String, BackupFormat, Path)}; with ownersAndGrants the archive keeps owners and privileges
     * (for a restore after the roles were recreated from {@link #dumpGlobals}).
     */
    default DumpFacts dump(String location, BackupFormat format, Path file, boolean ownersAndGrants) {
        return dump(location, format, file);
    }

    /** Saves the server's roles, their memberships and tablespaces (pg_dumpall --globals-only) to file. */
    default void dumpGlobals(String location, Path file) {
        throw new com.partpal.db.domain.BadInputException("--globals is for PostgreSQL: a " + engine()
                + " database has no roles");
    }

    /** Reads the whole archive (pg_restore --list, the gzip stream, PRAGMA integrity_check); throws if unreadable. */
    void checkArchive(Path file, BackupFormat format);

    /** What a restore would create, one line per object, for dry runs. */
    List<String> archiveContents(Path file, BackupFormat format);

    /** Restores into target, stopping at the first error; single transaction where the format allows. */
    void restore(Path file, BackupFormat format, String target, RestoreOptions options);

    /** Refreshes planner statistics (ANALYZE) and counts the rows of every table. */
    Map<String, Long> analyzeAndCount(String target);

    /** Creates an empty scratch database for restore tests (near serverLocation for servers) and returns its location. */
    String createScratch(String serverLocation, String name);

    void dropScratch(String scratchLocation);
}
