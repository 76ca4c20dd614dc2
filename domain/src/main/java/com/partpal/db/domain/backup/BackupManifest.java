package com.partpal.db.domain.backup;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.report.Json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the catalogue knows about one backup file. Times are UTC instants; versions and verification fields may be null
 * (SQLite has no pg_dump; a backup never verified has no lastVerifiedAt).
 *
 * @param lastVerifyResult "ok" or "failed: why" from the last {@code backups verify}
 * @param restoreTestResult "ok" or "failed: why" from the last restore test
 */
public record BackupManifest(String id, String database, String engine, String serverVersion, String pgDumpVersion,
                             Instant startedAt, Instant finishedAt, long sizeBytes, String sha256, String format,
                             String compression, Map<String, Long> tableRowCounts, Instant lastVerifiedAt,
                             String lastVerifyResult, Instant lastRestoreTestAt, String restoreTestResult) {
    public static final String OK = "ok";

    public BackupManifest {
        tableRowCounts = Collections.unmodifiableMap(new TreeMap<>(tableRowCounts));
    }

    public BackupFormat backupFormat() {
        return BackupFormat.of(format, compression);
    }

    /** Good: checksummed, and no later verification or restore test found it broken. */
    public boolean good() {
        return sha256 != null && !failed(lastVerifyResult) && !failed(restoreTestResult);
    }

    private static boolean failed(String result) {
        return result != null && !OK.equals(result);
    }

    public BackupManifest withVerification(Instant at, String result) {
        return new BackupManifest(id, database, engine, serverVersion, pgDumpVersion, startedAt, finishedAt, sizeBytes,
                sha256, format, compression, tableRowCounts, at, result, lastRestoreTestAt, restoreTestResult);
    }

    public BackupManifest withRestoreTest(Instant at, String result) {
        return new BackupManifest(id, database, engine, serverVersion, pgDumpVersion, startedAt, finishedAt, sizeBytes,
                sha256, format, compression, tableRowCounts, lastVerifiedAt, lastVerifyResult, at, result);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("database", database);
        m.put("engine", engine);
        m.put("serverVersion", serverVersion);
        m.put("pgDumpVersion", pgDumpVersion);
        m.put("startedAt", text(startedAt));
        m.put("finishedAt", text(finishedAt));
        m.put("sizeBytes", sizeBytes);
        m.put("sha256", sha256);
        m.put("format", format);
        m.put("compression", compression);
        m.put("tableRowCounts", tableRowCounts);
        m.put("lastVerifiedAt", text(lastVerifiedAt));
        m.put("lastVerifyResult", lastVerifyResult);
        m.put("lastRestoreTestAt", text(lastRestoreTestAt));
        m.put("restoreTestResult", restoreTestResult);
        return m;
    }

    public String toJson() {
        return Json.write(toMap());
    }

    public static BackupManifest parse(String json) {
        if (!(JsonReader.read(json) instanceof Map<?, ?> m)) {
            throw new BadInputException("a backup manifest must be a JSON object");
        }
        try {
            return new BackupManifest(required(m, "id"), required(m, "database"), required(m, "engine"),
                    (String) m.get("serverVersion"), (String) m.get("pgDumpVersion"),
                    instant(m, "startedAt"), instant(m, "finishedAt"), ((Number) m.get("sizeBytes")).longValue(),
                    (String) m.get("sha256"), required(m, "format"), required(m, "compression"), counts(m),
                    instant(m, "lastVerifiedAt"), (String) m.get("lastVerifyResult"),
                    instant(m, "lastRestoreTestAt"), (String) m.get("restoreTestResult"));
        } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
            throw new BadInputException("malformed backup manifest: " + e.getMessage());
        }
    }

    private static String required(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new BadInputException("backup manifest lacks \"" + key + "\"");
        }
        return s;
    }

    private static Instant instant(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : Instant.parse((String) v);
    }

    private static Map<String, Long> counts(Map<?, ?> m) {
        Map<String, Long> counts = new TreeMap<>();
        Object v = m.get("tableRowCounts");
        if (v instanceof Map<?, ?> raw) {
            raw.forEach((k, n) -> counts.put((String) k, ((Number) n).longValue()));
        }
        return counts;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
