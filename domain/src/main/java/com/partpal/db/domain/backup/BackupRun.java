package com.partpal.db.domain.backup;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.report.Json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of the last backup run of a database, successful or not, so that monitoring sees failures the
 * catalogue of good backups cannot show.
 *
 * @param result   "ok" or "failed: why"
 * @param backupId the backup it made, or null when it failed
 */
public record BackupRun(Instant startedAt, Instant finishedAt, String result, String backupId) {
    public boolean ok() {
        return BackupManifest.OK.equals(result);
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startedAt", startedAt.toString());
        m.put("finishedAt", finishedAt.toString());
        m.put("result", result);
        m.put("backupId", backupId);
        return Json.write(m);
    }

    public static BackupRun parse(String json) {
        try {
            if (!(JsonReader.read(json) instanceof Map<?, ?> m) || !(m.get("result") instanceof String result)) {
                throw new BadInputException("a backup run record must be a JSON object with a result");
            }
            return new BackupRun(Instant.parse((String) m.get("startedAt")), Instant.parse((String) m.get("finishedAt")),
                    result, (String) m.get("backupId"));
        } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
            throw new BadInputException("malformed backup run record: " + e.getMessage());
        }
    }
}
