package com.partpal.db.application.port.backup;

import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.BackupManifest;

import java.nio.file.Path;

/** A backup to verify or restore: the file, its format, and its manifest (null for files outside the catalogue). */
public record BackupSource(Path file, BackupFormat format, BackupManifest manifest) {
    public String name() {
        return manifest != null ? manifest.id() : file.toString();
    }
}
