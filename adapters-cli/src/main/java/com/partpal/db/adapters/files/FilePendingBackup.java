package com.partpal.db.adapters.files;

import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.application.port.backup.PendingBackup;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.BackupManifest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A backup being written as {@code .<id>.<ext>.partial}. Commit writes the manifest under a temporary name first,
 * syncs both, then renames the backup and the manifest: a full disk or a crash leaves only temporary dot-files (which
 * the next run of this database removes), never a backup without manifest or a manifest without backup.
 */
final class FilePendingBackup implements PendingBackup {
    private final String id;
    private final Path dir;
    private final Path temp;
    private final Path globalsTemp;
    private final Path globalsTarget;
    private final Path databaseDir;
    private boolean committed;

    FilePendingBackup(String id, Path dir, BackupFormat format, Path databaseDir) {
        this.id = id;
        this.dir = dir;
        this.databaseDir = databaseDir;
        this.temp = dir.resolve("." + id + "." + format.extension() + CatalogueFiles.PARTIAL);
        this.globalsTarget = dir.resolve(id + FileBackupCatalog.GLOBALS);
        this.globalsTemp = dir.resolve("." + id + FileBackupCatalog.GLOBALS + CatalogueFiles.PARTIAL);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Path file() {
        return temp;
    }

    @Override
    public long size() {
        try {
            return Files.size(temp);
        } catch (IOException e) {
            throw new BackupFailedException("backup file " + temp + " was not written: " + e.getMessage(), e);
        }
    }

    @Override
    public String sha256() {
        return CatalogueFiles.sha256Of(temp);
    }

    @Override
    public Path globalsFile() {
        return globalsTemp;
    }

    @Override
    public String globalsSha256() {
        return Files.exists(globalsTemp) ? CatalogueFiles.sha256Of(globalsTemp) : null;
    }

    @Override
    public BackupManifest commit(BackupManifest manifest) {
        Path target = dir.resolve(id + "." + manifest.storedExtension());
        Path manifestFile = dir.resolve(id + FileBackupCatalog.MANIFEST);
        Path manifestTemp = dir.resolve("." + id + FileBackupCatalog.MANIFEST + CatalogueFiles.PARTIAL);
        try {
            Files.writeString(manifestTemp, manifest.toJson() + "\n");
            sync(manifestTemp);
            sync(temp);
            if (Files.exists(globalsTemp)) {
                sync(globalsTemp);
                Files.move(globalsTemp, globalsTarget, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            Files.move(manifestTemp, manifestFile, StandardCopyOption.ATOMIC_MOVE);
            CatalogueFiles.writeAtomically(databaseDir.resolve("latest"), id);
        } catch (IOException e) {
            if (!Files.exists(manifestFile)) {
                CatalogueFiles.deleteQuietly(target);
                CatalogueFiles.deleteQuietly(globalsTarget);
            }
            throw new BackupFailedException("cataloguing backup " + id + " failed: " + e.getMessage(), e);
        } finally {
            CatalogueFiles.deleteQuietly(manifestTemp);
        }
        committed = true;
        return manifest;
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            CatalogueFiles.deleteQuietly(temp);
            CatalogueFiles.deleteQuietly(globalsTemp);
        }
        // SQLite's own journal of the copy, left when the copy failed midway
        for (String suffix : new String[] {"-journal", "-wal", "-shm"}) {
            CatalogueFiles.deleteQuietly(temp.resolveSibling(temp.getFileName() + suffix));
        }
    }
}
