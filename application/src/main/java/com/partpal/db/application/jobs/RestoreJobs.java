package com.partpal.db.application.jobs;

import com.partpal.db.application.backup.BackupServices;
import com.partpal.db.application.backup.RestoreUseCase;
import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.report.Json;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * restore as a job. Like the command's typed confirmation, a restore names the database it overwrites in
 * {@code confirm}; a missing or wrong one is refused before anything runs (a dry run needs none). Its target is the
 * database restored into, so it never runs beside a migration or another restore of the same database.
 */
public final class RestoreJobs {
    public static final String KIND = "restore";

    private final JobRegistry registry;
    private final BackupServices services;

    public RestoreJobs(JobRegistry registry, BackupServices services) {
        this.registry = registry;
        this.services = services;
    }

    /**
     * @param directory the catalogue directory; null for the configured default
     * @throws BadInputException    for an unknown backup, a target of the wrong kind, a missing or wrong confirm
     * @throws JobConflictException when another job writes the target
     */
    public JobSnapshot start(Path directory, RestoreUseCase.Request request, String confirm) {
        Path catalogue = services.directory(directory);
        RestoreUseCase restore = services.restore(catalogue);
        String database = restore.check(request);
        if (!request.dryRun()) {
            requireConfirmation(database, confirm);
        }
        RestoreUseCase.Request confirmed = new RestoreUseCase.Request(request.reference(), request.target(),
                request.dropDatabase(), request.dryRun(), true, request.jobs(), request.database(),
                request.allowOtherDatabase(), request.globals());
        return registry.submit(KIND, TargetKeys.database(request.target()), options(catalogue, request),
                (progress, cancelled) -> {
                    progress.phase(request.dryRun() ? "checking (dry run)" : "restoring");
                    return report(restore.restore(confirmed));
                });
    }

    static void requireConfirmation(String database, String confirm) {
        if (confirm == null || confirm.isBlank()) {
            throw new BadInputException("a restore overwrites database " + database + ": confirm with \"confirm\": \""
                    + database + "\" (or ask for a dry run); nothing was restored");
        }
        if (!database.equals(confirm)) {
            throw new BadInputException("\"confirm\" must name the database the restore overwrites, \"" + database
                    + "\", not \"" + confirm + "\"; nothing was restored");
        }
    }

    private static String report(RestoreUseCase.Result r) {
        if (!r.dryRun() && !r.countsMatch()) {
            throw new BackupFailedException("restored " + r.backup() + " into " + r.database()
                    + " but row counts differ from the manifest: " + String.join("; ", r.differences()));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("backup", r.backup());
        report.put("database", r.database());
        report.put("backupOf", r.backupOf());
        report.put("takenAt", r.takenAt() == null ? null : r.takenAt().toString());
        report.put("target", r.targetIs());
        report.put("dryRun", r.dryRun());
        report.put("dropDatabase", r.dropDatabase());
        report.put("objects", r.objects());
        report.put("expectedRowCounts", r.expectedRowCounts());
        report.put("rowCounts", r.rowCounts());
        report.put("countsMatch", r.countsMatch());
        return Json.write(report);
    }

    private static Map<String, String> options(Path catalogue, RestoreUseCase.Request request) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("backup", request.reference());
        options.put("to", request.target());
        options.put("directory", catalogue.toString());
        options.put("dropDatabase", String.valueOf(request.dropDatabase()));
        options.put("dryRun", String.valueOf(request.dryRun()));
        options.put("jobs", String.valueOf(request.jobs()));
        if (request.database() != null) {
            options.put("database", request.database());
        }
        options.put("allowOtherDatabase", String.valueOf(request.allowOtherDatabase()));
        return options;
    }
}
