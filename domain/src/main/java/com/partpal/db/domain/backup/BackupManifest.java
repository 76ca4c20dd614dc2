package com.partpal.db.domain.backup;

import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.report.Json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the catalogue knows about one backup file. Times are UTC instants; versions and verification fields may be null
 * (SQLite has no pg_dump; a backup never verified has no lastVerifiedAt).
 *
 * @param lastVerifyResult "ok" or "failed: why" from the last {@code backups verify}
 * @param restoreTestResult "ok" or "failed: why" from the last restore test
 * @param identity          which database this is a backup of; null in manifests written before identities existed
 * @param globalsSha256     SHA-256 of the roles and grants saved beside it ({@code --globals}), or null
 * @param encryption        how the file (and the roles file) were encrypted, or null; size and checksums are then
 *                          those of the encrypted files, as stored
 */
public record BackupManifest(String id, String database, String engine, String serverVersion, String pgDumpVersion,
                             Instant startedAt, Instant finishedAt, long sizeBytes, String sha256, String format,
                             String compression, Map<String, Long> tableRowCounts, Instant lastVerifiedAt,
                             String lastVerifyResult, Instant lastRestoreTestAt, String restoreTestResult,
                             DatabaseIdentity identity, String globalsSha256, BackupEncryption encryption) {
    public static final String OK = "ok";
    /** Ids become file names: letters, digits, dot, dash and underscore, not starting with a dot, no "..". */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

    public BackupManifest {
        tableRowCounts = Collections.unmodifiableMap(new TreeMap<>(tableRowCounts));
    }

    /** An unencrypted backup's manifest. */
    public BackupManifest(String id, String database, String engine, String serverVersion, String pgDumpVersion,
                          Instant startedAt, Instant finishedAt, long sizeBytes, String sha256, String format,
                          String compression, Map<String, Long> tableRowCounts, Instant lastVerifiedAt,
                          String lastVerifyResult, Instant lastRestoreTestAt, String restoreTestResult,
                          DatabaseIdentity identity, String globalsSha256) {
        this(id, database, engine, serverVersion, pgDumpVersion, startedAt, finishedAt, sizeBytes, sha256, format,
                compression, tableRowCounts, lastVerifiedAt, lastVerifyResult, lastRestoreTestAt, restoreTestResult,
                identity, globalsSha256, null);
    }

    /** A manifest without identity or globals (as written before they existed). */
    public BackupManifest(String id, String database, String engine, String serverVersion, String pgDumpVersion,
                          Instant startedAt, Instant finishedAt, long sizeBytes, String sha256, String format,
                          String compression, Map<String, Long> tableRowCounts, Instant lastVerifiedAt,
                          String lastVerifyResult, Instant lastRestoreTestAt, String restoreTestResult) {
        this(id, database, engine, serverVersion, pgDumpVersion, startedAt, finishedAt, sizeBytes, sha256, format,
                compression, tableRowCounts, lastVerifiedAt, lastVerifyResult, lastRestoreTestAt, restoreTestResult,
                null, null);
    }

    /** True when id can name files in the catalogue without leaving it. */
    public static boolean safeId(String id) {
        return id != null && SAFE_ID.matcher(id).matches() && !id.contains("..");
    }

    /** The database this backup is of, as the catalogue groups it. */
    public CatalogueDatabase catalogueDatabase() {
        return identity != null ? CatalogueDatabase.of(identity) : CatalogueDatabase.unidentified(engine, database);
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
                sha256, format, compression, tableRowCounts, at, result, lastRestoreTestAt, restoreTestResult, identity,
                globalsSha256, encryption);
    }

    /** The same backup under another id (a copy in another store, where this id was taken). */
    public BackupManifest withId(String newId) {
        return new BackupManifest(newId, database, engine, serverVersion, pgDumpVersion, startedAt, finishedAt,
                sizeBytes, sha256, format, compression, tableRowCounts, lastVerifiedAt, lastVerifyResult,
                lastRestoreTestAt, restoreTestResult, identity, globalsSha256, encryption);
    }

    /** The same backup as stored encrypted: the encrypted files' size and checksums, and how they were encrypted. */
    public BackupManifest encrypted(BackupEncryption how, long storedSize, String storedSha256,
                                    String storedGlobalsSha256) {
        return new BackupManifest(id, database, engine, serverVersion, pgDumpVersion, startedAt, finishedAt,
                storedSize, storedSha256, format, compression, tableRowCounts, lastVerifiedAt, lastVerifyResult,
                lastRestoreTestAt, restoreTestResult, identity, storedGlobalsSha256, how);
    }

    /** The stored file's extension: the format's, then .enc when it is encrypted. */
    public String storedExtension() {
        return backupFormat().extension() + (encryption == null ? "" : BackupEncryption.EXTENSION);
    }

    public BackupManifest withRestoreTest(Instant at, String result) {
        return new BackupManifest(id, database, engine, serverVersion, pgDumpVersion, startedAt, finishedAt, sizeBytes,
                sha256, format, compression, tableRowCounts, lastVerifiedAt, lastVerifyResult, at, result, identity,
                globalsSha256, encryption);
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
        m.put("identity", identity == null ? null : identity.toMap());
        m.put("globalsSha256", globalsSha256);
        if (encryption != null) {
            m.put("encryption", encryption.toMap());
        }
        return m;
    }

    public String toJson() {
        return Json.write(toMap());
    }

    public static BackupManifest parse(String json) {
        if (!(JsonReader.read(json) instanceof Map<?, ?> m)) {
            throw new BadInputException("a backup manifest must be a JSON object");
        }
        String id = required(m, "id");
        if (!safeId(id)) {
            throw new BadInputException("its id \"" + id + "\" is not a catalogue id (letters, digits, . - _; no ..)");
        }
        try {
            return new BackupManifest(id, required(m, "database"), required(m, "engine"),
                    (String) m.get("serverVersion"), (String) m.get("pgDumpVersion"),
                    instant(m, "startedAt"), instant(m, "finishedAt"), ((Number) m.get("sizeBytes")).longValue(),
                    (String) m.get("sha256"), required(m, "format"), required(m, "compression"), counts(m),
                    instant(m, "lastVerifiedAt"), (String) m.get("lastVerifyResult"),
                    instant(m, "lastRestoreTestAt"), (String) m.get("restoreTestResult"),
                    DatabaseIdentity.fromMap(m.get("identity")), (String) m.get("globalsSha256"),
                    BackupEncryption.fromMap(m.get("encryption")));
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
