package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.BackupSource;
import com.partpal.db.domain.BadInputException;

/** Re-hashes a backup against its manifest (when it has one) and reads the whole archive. */
final class IntegrityCheck {
    private IntegrityCheck() {
    }

    static void check(BackupCatalog catalog, BackupEngine engine, BackupSource source) {
        if (source.manifest() != null) {
            String now = catalog.sha256Now(source);
            if (!now.equals(source.manifest().sha256())) {
                throw new BadInputException("backup " + source.name() + " is corrupt: its SHA-256 is " + now
                        + " but its manifest says " + source.manifest().sha256());
            }
        }
        engine.checkArchive(source.file(), source.format());
        if (source.manifest() != null && source.manifest().globalsSha256() != null) {
            java.nio.file.Path globals = catalog.globalsOf(source.manifest()).orElseThrow(() -> new BadInputException(
                    "backup " + source.name() + " lacks the roles file its manifest names"));
            String now = catalog.sha256Now(new BackupSource(globals, source.format(), null));
            if (!now.equals(source.manifest().globalsSha256())) {
                throw new BadInputException("the roles saved with backup " + source.name() + " are corrupt: their"
                        + " SHA-256 is " + now + " but the manifest says " + source.manifest().globalsSha256());
            }
        }
    }
}
