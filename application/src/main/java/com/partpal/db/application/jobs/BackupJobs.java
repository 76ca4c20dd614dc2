package com.partpal.db.application.jobs;

import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.backup.BackupUseCase;
import com.partpal.db.application.port.VerifiableDatabaseConnector;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.RetentionPolicy;
import com.partpal.db.domain.report.Json;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * backup (then prune with the retention given, like the command) as a job. A backup only reads its database and
 * writes that database's part of a catalogue (its own directory, lock and retention), so its target is the database
 * within the catalogue: two backups of one database into one catalogue never run at once, however its server is
 * spelled, while backups of different databases run side by side, into one catalogue or several.
 */
public final class BackupJobs {
    public static final String KIND = "backup";

    private final JobRegistry registry;
    private final BackupServices services;
    private final VerifiableDatabaseConnector connector;

    public BackupJobs(JobRegistry registry, BackupServices services, VerifiableDatabaseConnector connector) {
        this.registry = registry;
        this.services = services;
        this.connector = connector;
    }

    /**
     * @param database  a PostgreSQL URL or a SQLite file
     * @param directory the catalogue directory; null for the configured default
     * @param format    custom or plain for PostgreSQL; null for the engine's default
     * @param schedule  the configured schedule that fired it, or null
     */
    public record Request(String database, Path directory, String format, RetentionPolicy retention,
                          String schedule) {
        public Request {
            retention = retention == null || retention.keepsEverything() ? RetentionPolicy.orDefault(null, null)
                    : retention;
        }
    }

    /**
     * Queues the backup; its report holds the new manifest and the ids pruned.
     *
     * @throws com.partpal.db.domain.BadInputException for a database no engine takes, that cannot be opened, or a bad format
     * @throws JobConflictException                    when a backup of the same database into the same catalogue is unfinished
     */
    public JobSnapshot start(Request request) {
        Path directory = services.directory(request.directory());
        BackupUseCase backup = services.backup(directory);
        backup.check(request.database(), request.format());
        DatabaseCheck.opens(connector, request.database());
        return registry.submitWithin(KIND, TargetKeys.catalogue(directory), TargetKeys.database(request.database()),
                options(request, directory),
                (progress, cancelled) -> {
                    progress.phase("backing up");
                    BackupUseCase.Result result = backup.backup(request.database(), request.format(),
                            request.retention(), false);
                    Map<String, Object> report = new LinkedHashMap<>();
                    report.put("backup", result.manifest().toMap());
                    report.put("pruned", result.pruned().stream().map(BackupManifest::id).toList());
                    return Json.write(report);
                });
    }

    private static Map<String, String> options(Request request, Path directory) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("database", request.database());
        options.put("directory", directory.toString());
        if (request.format() != null) {
            options.put("format", request.format());
        }
        if (request.retention().maxAgeDays() != null) {
            options.put("retentionDays", String.valueOf(request.retention().maxAgeDays()));
        }
        if (request.retention().keepLast() != null) {
            options.put("keepLast", String.valueOf(request.retention().keepLast()));
        }
        if (request.schedule() != null) {
            options.put("schedule", request.schedule());
        }
        return options;
    }
}
