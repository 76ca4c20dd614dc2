package com.partpal.db.adapters.sqlite.engine;

import com.partpal.db.adapters.sqlite.SqliteMonitor;
import com.partpal.db.adapters.sqlite.SqliteSourceDatabase;
import com.partpal.db.adapters.sqlite.backup.SqliteBackupEngine;
import com.partpal.db.application.port.SourceDatabase;
import com.partpal.db.application.port.TargetDatabase;
import com.partpal.db.application.port.VerifiableDatabase;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.engine.DatabaseEngine;
import com.partpal.db.application.port.monitoring.DatabaseMonitor;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.DatabaseIdentity;
import com.partpal.db.domain.connection.Secrets;
import com.partpal.db.domain.connection.SqliteLocation;

/**
 * SQLite: a path, file:, sqlite: or jdbc:sqlite:, and every location no other engine recognises (so a mistyped
 * location is refused by SQLite's own one-line checks). migrate's source, either side of verify, online backups.
 */
public final class SqliteEngine implements DatabaseEngine {
    private final BackupEngine backups = new SqliteBackupEngine();
    private final DatabaseMonitor monitor = new SqliteMonitor();

    @Override
    public String name() {
        return DatabaseIdentity.SQLITE;
    }

    @Override
    public boolean recognises(String location) {
        return SqliteLocation.looksLikeSqlite(location);
    }

    @Override
    public boolean fallback() {
        return true;
    }

    @Override
    public SourceDatabase openSource(String location) {
        return SqliteSourceDatabase.open(SqliteLocation.parse(location));
    }

    @Override
    public TargetDatabase openTarget(String location) {
        throw new BadInputException("the target must be a PostgreSQL URL (postgresql://user:password@host:5432/db)"
                + ", got: " + Secrets.mask(location));
    }

    @Override
    public VerifiableDatabase openVerifiable(String location) {
        return SqliteSourceDatabase.open(SqliteLocation.parse(location));
    }

    @Override
    public BackupEngine backups() {
        return backups;
    }

    @Override
    public DatabaseMonitor monitor() {
        return monitor;
    }
}
