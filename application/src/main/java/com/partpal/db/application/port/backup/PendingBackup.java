package com.partpal.db.application.port.backup;

import com.partpal.db.domain.backup.BackupManifest;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A backup being written under a temporary name. Closing it without a commit deletes the temporary file, so a failed
 * or interrupted backup never looks like a good one.
 */
public interface PendingBackup extends AutoCloseable {
    String id();

    /** Counts and hashes (SHA-256) what is written. */
    OutputStream output();

    /** The temporary file, complete once output() is closed. */
    Path file();

    long size();

    String sha256();

    /** Renames the file to its final name, writes the manifest and moves the database's latest pointer. */
    BackupManifest commit(BackupManifest manifest);

    @Override
    void close();
}
