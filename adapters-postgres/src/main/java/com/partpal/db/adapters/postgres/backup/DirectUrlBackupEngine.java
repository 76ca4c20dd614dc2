package com.partpal.db.adapters.postgres.backup;

import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.DumpFacts;
import com.partpal.db.application.port.backup.RestoreOptions;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.DatabaseIdentity;
import com.partpal.db.domain.ops.SessionUrl;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** pg_dump and pg_restore need sessions of their own: a PgBouncer URL becomes $DIRECT_URL or is refused in one line. */
public final class DirectUrlBackupEngine implements BackupEngine {
    private final BackupEngine engine;
    private final SessionUrl sessionUrl;

    /** @param sessionUrl where pg_dump and pg_restore connect for a PgBouncer URL */
    public DirectUrlBackupEngine(BackupEngine engine, SessionUrl sessionUrl) {
        this.engine = engine;
        this.sessionUrl = sessionUrl;
    }

    private String direct(String location, String purpose) {
        return sessionUrl.forSessionWork(location, purpose);
    }

    @Override
    public String engine() {
        return engine.engine();
    }

    @Override
    public boolean accepts(String location) {
        return engine.accepts(location);
    }

    @Override
    public boolean reads(BackupFormat format) {
        return engine.reads(format);
    }

    @Override
    public BackupFormat formatFor(String option) {
        return engine.formatFor(option);
    }

    @Override
    public String databaseName(String location) {
        return engine.databaseName(location);
    }

    /** The database behind PgBouncer is the one the catalogue files backups under, not the pooler's address. */
    @Override
    public DatabaseIdentity locate(String location) {
        return engine.locate(direct(location, "backup and restore (pg_dump, pg_restore)"));
    }

    @Override
    public DatabaseIdentity identify(String location) {
        return engine.identify(direct(location, "backup and restore (pg_dump, pg_restore)"));
    }

    @Override
    public boolean restoreTestNeedsServer() {
        return engine.restoreTestNeedsServer();
    }

    @Override
    public DumpFacts dump(String location, BackupFormat format, Path file) {
        return engine.dump(direct(location, "backup (pg_dump)"), format, file);
    }

    @Override
    public DumpFacts dump(String location, BackupFormat format, Path file, boolean ownersAndGrants) {
        return engine.dump(direct(location, "backup (pg_dump)"), format, file, ownersAndGrants);
    }

    @Override
    public void dumpGlobals(String location, Path file) {
        engine.dumpGlobals(direct(location, "backup --globals (pg_dumpall)"), file);
    }

    @Override
    public void checkArchive(Path file, BackupFormat format) {
        engine.checkArchive(file, format);
    }

    @Override
    public List<String> archiveContents(Path file, BackupFormat format) {
        return engine.archiveContents(file, format);
    }

    @Override
    public void restore(Path file, BackupFormat format, String target, RestoreOptions options) {
        engine.restore(file, format, direct(target, "restore (pg_restore)"), options);
    }

    @Override
    public Map<String, Long> analyzeAndCount(String target) {
        return engine.analyzeAndCount(direct(target, "restore"));
    }

    @Override
    public String createScratch(String serverLocation, String name) {
        return engine.createScratch(direct(serverLocation, "a restore test"), name);
    }

    @Override
    public void dropScratch(String scratchLocation) {
        engine.dropScratch(scratchLocation);
    }
}
