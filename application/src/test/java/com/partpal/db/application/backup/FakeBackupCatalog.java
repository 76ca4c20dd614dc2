package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupSource;
import com.partpal.db.application.port.backup.CatalogueLock;
import com.partpal.db.application.port.backup.PendingBackup;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.BackupRun;
import com.partpal.db.domain.backup.CatalogueDatabase;
import com.partpal.db.domain.backup.DatabaseIdentity;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory catalogue: "files" are byte arrays keyed by a path that never touches the disk. */
final class FakeBackupCatalog implements BackupCatalog {
    final Map<String, BackupManifest> manifests = new LinkedHashMap<>();
    final Map<Path, byte[]> files = new HashMap<>();
    final List<String> abandoned = new ArrayList<>();
    final Map<String, BackupRun> runs = new HashMap<>();
    final java.util.Set<String> locks = new java.util.HashSet<>();

    @Override
    public Path directory() {
        return Path.of("fake-catalogue");
    }

    @Override
    public CatalogueLock lock(CatalogueDatabase database, boolean wait) {
        locks.add(database.key());
        return () -> locks.remove(database.key());
    }

    @Override
    public PendingBackup begin(DatabaseIdentity identity, BackupFormat format, Instant startedAt) {
        String id = identity.label() + "-" + startedAt.toEpochMilli();
        Path temp = Path.of("fake", id + ".partial");
        return new PendingBackup() {
            private boolean committed;

            @Override
            public String id() {
                return id;
            }

            @Override
            public Path file() {
                return temp;
            }

            @Override
            public long size() {
                return files.get(temp).length;
            }

            @Override
            public String sha256() {
                return FakeBackupCatalog.sha256(files.get(temp));
            }

            @Override
            public Path globalsFile() {
                return Path.of("fake", id + ".globals.partial");
            }

            @Override
            public String globalsSha256() {
                return null;
            }

            @Override
            public BackupManifest commit(BackupManifest manifest) {
                files.put(Path.of("fake", id), files.remove(temp));
                manifests.put(id, manifest);
                committed = true;
                return manifest;
            }

            @Override
            public void close() {
                if (!committed) {
                    files.remove(temp);
                    abandoned.add(id);
                }
            }
        };
    }

    @Override
    public List<BackupManifest> list() {
        return manifests.values().stream().sorted(Comparator.comparing(BackupManifest::startedAt)).toList();
    }

    @Override
    public Optional<BackupManifest> find(String id) {
        return Optional.ofNullable(manifests.get(id));
    }

    @Override
    public BackupSource source(BackupManifest m) {
        return new BackupSource(Path.of("fake", m.id()), m.backupFormat(), m);
    }

    @Override
    public Optional<Path> globalsOf(BackupManifest manifest) {
        return Optional.empty();
    }

    @Override
    public BackupSource outsideFile(String reference) {
        throw new BadInputException("no backup " + reference);
    }

    @Override
    public void recordRun(CatalogueDatabase database, BackupRun run) {
        runs.put(database.key(), run);
    }

    @Override
    public Optional<BackupRun> lastRun(CatalogueDatabase database) {
        return Optional.ofNullable(runs.get(database.key()));
    }

    @Override
    public String sha256Now(BackupSource source) {
        byte[] bytes = files.get(source.file());
        if (bytes == null) {
            throw new BadInputException("backup file " + source.file() + " is missing");
        }
        return sha256(bytes);
    }

    @Override
    public void update(BackupManifest manifest) {
        manifests.put(manifest.id(), manifest);
    }

    @Override
    public void delete(BackupManifest manifest) {
        manifests.remove(manifest.id());
        files.remove(Path.of("fake", manifest.id()));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
