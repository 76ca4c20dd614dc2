package com.partpal.db.application.port.backup;

import java.nio.file.Path;

/** Opens the backup catalogue kept in a directory. */
@FunctionalInterface
public interface BackupCatalogs {
    BackupCatalog open(Path directory);
}
