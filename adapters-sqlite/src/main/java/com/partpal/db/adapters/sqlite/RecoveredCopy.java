package com.partpal.db.adapters.sqlite;

import com.partpal.db.domain.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private copy of a source that cannot be read in place without writing to it: a hot rollback journal (a write
 * was interrupted; SQLite must roll it back before anyone reads) or committed data still in a -wal file next to a
 * database whose directory is read-only (SQLite cannot create the -shm file it reads the WAL through). The file
 * and its journal or WAL are copied into a temporary directory and opened there once read-write, which lets
 * SQLite do exactly what its next writer would (roll back, or read the WAL); the source is never touched. The copy
 * is deleted when the source is closed, or when the JVM exits.
 */
final class RecoveredCopy {
    private final Path directory;
    private final Path database;
    private final String why;

    private RecoveredCopy(Path directory, Path database, String why) {
        this.directory = directory;
        this.database = database;
        this.why = why;
    }

    /** The sibling file SQLite keeps next to the database ("-journal", "-wal"), if it exists and is not empty. */
    static boolean hasSibling(Path database, String suffix) {
        Path sibling = database.resolveSibling(database.getFileName() + suffix);
        try {
            return Files.isRegularFile(sibling) && Files.size(sibling) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    static RecoveredCopy of(Path source, String suffix, String why) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("partpal-db-source-");
            directory.toFile().deleteOnExit();
            Path database = directory.resolve(source.getFileName());
            Files.copy(source, database, StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(source.resolveSibling(source.getFileName() + suffix),
                    directory.resolve(source.getFileName() + suffix), StandardCopyOption.COPY_ATTRIBUTES);
            database.toFile().setWritable(true, true);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toUri());
                 Statement statement = connection.createStatement()) {
                UnknownCollations.register(connection);
                statement.execute("SELECT count(*) FROM sqlite_schema");
            }
            return new RecoveredCopy(directory, database, why);
        } catch (IOException | SQLException e) {
            delete(directory);
            throw new BadInputException("cannot read " + source + " (" + why + ") and could not make a private copy to"
                    + " read instead: " + e.getMessage(), e);
        }
    }

    Path database() {
        return database;
    }

    String why() {
        return why;
    }

    void delete() {
        delete(directory);
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; deleteOnExit is the second chance
        }
    }
}
