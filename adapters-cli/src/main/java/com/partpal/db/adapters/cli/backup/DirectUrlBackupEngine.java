package com.partpal.db.adapters.cli.backup;

import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.DumpFacts;
import com.partpal.db.application.port.backup.RestoreOptions;
import com.partpal.db.domain.backup.BackupFormat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** pg_dump and pg_restore need sessions of their own: a PgBouncer URL becomes $DIRECT_URL or is refused in one line. */
public final class DirectUrlBackupEngine implements BackupEngine {
    private final BackupEngine engine;

    public DirectUrlBackupEngine(BackupEngine engine) {
        this.engine = engine;
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

    @Override
    public DumpFacts dump(String location, BackupFormat format, Path file) {
        return engine.dump(DirectUrl.forSessionWork(location, "backup (pg_dump)"), format, file);
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
        engine.restore(file, format, DirectUrl.forSessionWork(target, "restore (pg_restore)"), options);
    }

    @Override
    public Map<String, Long> analyzeAndCount(String target) {
        return engine.analyzeAndCount(DirectUrl.forSessionWork(target, "restore"));
    }

    @Override
    public String createScratch(String serverLocation, String name) {
        return engine.createScratch(DirectUrl.forSessionWork(serverLocation, "a restore test"), name);
    }

    @Override
    public void dropScratch(String scratchLocation) {
        engine.dropScratch(scratchLocation);
    }
}
