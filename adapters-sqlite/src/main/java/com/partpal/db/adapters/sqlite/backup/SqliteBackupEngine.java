package com.partpal.db.adapters.sqlite.backup;

import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.application.port.backup.DumpFacts;
import com.partpal.db.application.port.backup.RestoreOptions;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.DatabaseIdentity;
import com.partpal.db.domain.connection.SqliteLocation;
import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SQLite backups through the online backup API (safe on a live database, unlike copying the file), checked with
 * PRAGMA integrity_check. Restores go to a temporary file beside the target, renamed over it once checked.
 */
public final class SqliteBackupEngine implements BackupEngine {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    static final int RETRY_SLEEP_MS = 50;
    static final int RETRIES = 200;
    private static final int ALL_PAGES = -1;

    @Override
    public String engine() {
        return "sqlite";
    }

    @Override
    public boolean accepts(String location) {
        return SqliteLocation.looksLikeSqlite(location);
    }

    @Override
    public boolean reads(BackupFormat format) {
        return format == BackupFormat.SQLITE;
    }

    @Override
    public BackupFormat formatFor(String option) {
        if (option != null && !option.equalsIgnoreCase("sqlite")) {
            throw new BadInputException("--format " + option + " is for PostgreSQL; SQLite backups are SQLite files");
        }
        return BackupFormat.SQLITE;
    }

    @Override
    public String databaseName(String location) {
        return path(location).getFileName().toString();
    }

    /** The canonical absolute path: symlinks resolved, so two spellings of one file are one database. */
    @Override
    public DatabaseIdentity locate(String location) {
        Path file = path(location).toAbsolutePath().normalize();
        try {
            if (Files.exists(file)) {
                return DatabaseIdentity.sqlite(file.toRealPath().toString());
            }
            Path parent = file.getParent();
            return DatabaseIdentity.sqlite((parent != null && Files.isDirectory(parent)
                    ? parent.toRealPath().resolve(file.getFileName()) : file).toString());
        } catch (IOException e) {
            throw new BadInputException("cannot resolve " + file + ": " + e.getMessage());
        }
    }

    @Override
    public DatabaseIdentity identify(String location) {
        return locate(location);
    }

    @Override
    public boolean restoreTestNeedsServer() {
        return false;
    }

    /**
     * Copies the live database straight into file (the catalogue's temporary file, so SQLite's own temporary journal
     * lands in the catalogue too, never beside the app's database). The copy is one backup step holding a read
     * transaction: a write by the app between smaller steps would restart the copy, forever under a steady write load.
     * SQLITE_BUSY / SQLITE_LOCKED (a writer holding its lock) are retried every {@value #RETRY_SLEEP_MS} ms, at most
     * {@value #RETRIES} times.
     */
    @Override
    public DumpFacts dump(String location, BackupFormat format, Path file) {
        Path source = path(location);
        requireSqliteFile(source, "SQLite database");
        try {
            try (Connection c = open(source)) {
                int rc = ((SQLiteConnection) c).getDatabase().backup("main", file.toString(), null, RETRY_SLEEP_MS,
                        RETRIES, ALL_PAGES);
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
                    throw new BackupFailedException("SQLite online backup of " + source + " gave up: the database stayed "
                            + (rc == SQLITE_BUSY ? "busy (SQLITE_BUSY)" : "locked (SQLITE_LOCKED)") + " through "
                            + RETRIES + " retries over " + RETRIES * RETRY_SLEEP_MS / 1000 + " s");
                }
                if (rc != 0) {
                    throw new BackupFailedException("SQLite online backup of " + source + " failed: " + why(rc));
                }
            }
            checkArchive(file, format);
            try (Connection c = open(file)) {
                return new DumpFacts(version(c), null, countRows(c));
            }
        } catch (SQLException e) {
            throw new BackupFailedException("SQLite backup of " + source + " failed: " + firstLine(e.getMessage()), e);
        }
    }

    @Override
    public void checkArchive(Path file, BackupFormat format) {
        requireSqliteFile(file, "SQLite backup");
        List<String> problems = new ArrayList<>();
        try (Connection c = open(file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new BadInputException("SQLite backup " + file + " is damaged: " + firstLine(e.getMessage()));
        }
        if (!problems.equals(List.of("ok"))) {
            throw new BadInputException("SQLite backup " + file + " fails its integrity check: "
                    + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
        }
    }

    @Override
    public List<String> archiveContents(Path file, BackupFormat format) {
        List<String> objects = new ArrayList<>();
        try (Connection c = open(file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                     + " ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, name")) {
            while (rs.next()) {
                objects.add(rs.getString(1) + " " + rs.getString(2));
            }
        } catch (SQLException e) {
            throw new BadInputException("cannot read SQLite backup " + file + ": " + firstLine(e.getMessage()));
        }
        return objects;
    }

    @Override
    public void restore(Path file, BackupFormat format, String target, RestoreOptions options) {
        Path targetPath = path(target).toAbsolutePath();
        if (Files.exists(targetPath) && !options.dropDatabase()) {
            throw new BadInputException(targetPath + " exists: pass --drop-database to replace it");
        }
        Path temp = tempFileBeside(targetPath.getParent(), ".partpal-restore-");
        try {
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            checkArchive(temp, format);
            if (Files.exists(targetPath)) {
                FileOwnership.copy(targetPath, temp);
            }
            // a journal left by the old database would be replayed into the new one
            for (String suffix : List.of("-wal", "-shm", "-journal")) {
                Files.deleteIfExists(Path.of(targetPath + suffix));
            }
            Files.move(temp, targetPath, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new BackupFailedException("restoring " + targetPath + " failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public Map<String, Long> analyzeAndCount(String target) {
        try (Connection c = open(path(target)); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
            return countRows(c);
        } catch (SQLException e) {
            throw new BackupFailedException("counting rows in " + target + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String createScratch(String serverLocation, String name) {
        try {
            return Files.createTempDirectory("partpal-restore-test").resolve(name + ".db").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void dropScratch(String scratchLocation) {
        Path scratch = Path.of(scratchLocation);
        deleteQuietly(scratch);
        deleteQuietly(scratch.getParent());
    }

    private static Map<String, Long> countRows(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    private static String version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Path path(String location) {
        return Path.of(SqliteLocation.parse(location).path());
    }

    private static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static void requireSqliteFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(what + " " + file + " does not exist");
        }
        byte[] head = new byte[MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) < head.length || !Arrays.equals(head, MAGIC)) {
                throw new BadInputException(file + " is not a SQLite database (or is truncated)");
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Path tempFileBeside(Path dir, String prefix) {
        try {
            return Files.createTempFile(dir, prefix, ".tmp");
        } catch (IOException e) {
            throw new BadInputException("cannot write in " + dir + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless and named as one
        }
    }

    /** SQLite's primary result codes a backup can end with, in words. */
    private static String why(int rc) {
        return switch (rc & 0xff) {
            case 10 -> "a disk I/O error writing the copy into the catalogue (is its disk full?)";
            case 13 -> "the catalogue's disk is full";
            case 14 -> "the copy could not be created in the catalogue";
            case 8 -> "the catalogue is read-only";
            case 11 -> "the database file is malformed";
            case 26 -> "it is not a SQLite database";
            default -> "SQLite result code " + rc;
        };
    }

        private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }
}
