package com.partpal.db.application.port.backup;

import com.partpal.db.domain.backup.BackupManifest;

import java.nio.file.Path;

/**
 * A backup being written under a temporary name. Closing it without a commit deletes the temporary file, so a failed
 * or interrupted backup never looks like a good one.
 */
public interface PendingBackup extends AutoCloseable {
    String id();

    /** The temporary file the engine writes the backup to. */
    Path file();

    /** Size of the written file. */
    long size();

    /** SHA-256 of the written file, as the manifest records it. */
    String sha256();

    /** The temporary file for the roles saved beside the backup (--globals). */
    Path globalsFile();

    /** SHA-256 of the roles file, or null when none was written. */
    String globalsSha256();

    /** Syncs the file to disk, renames it to its final name, writes the manifest and moves the latest pointer. */
    BackupManifest commit(BackupManifest manifest);

    @Override
    void close();
}
