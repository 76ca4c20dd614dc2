package com.partpal.db.adapters.files.s3;

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
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backup catalogue in an S3 bucket, laid out as the local one: {@code PREFIX/<label>-<key hash>/<yyyy-MM-dd>/
 * <id>.<ext>} with {@code <id>.manifest.json} beside it, {@code latest} and {@code last-run.json} per database. A
 * backup is uploaded (in checked parts), read back and hashed, and only then is its manifest written: listings see
 * manifests only, so an interrupted upload never shows as a backup. Manifests are checked as the local catalogue
 * checks them (the id is the object's name); the backup object is always the one beside its manifest. Reads
 * download to the local staging directory and are deleted on {@link #release}.
 */
public final class S3BackupCatalog implements BackupCatalog {
    static final String MANIFEST = ".manifest.json";
    static final String GLOBALS = ".globals.sql";
    private static final String LAST_RUN = "last-run.json";

    private final S3Objects objects;
    private final LocalSide local;
    private final Map<String, List<Path>> downloads = new ConcurrentHashMap<>();

    public S3BackupCatalog(S3Location location, S3Connection connection, LocalSide local) {
        this.objects = new S3Objects(connection.client(), location, new S3Errors(location, connection.endpoint()));
        this.local = local;
    }

    @Override
    public Path directory() {
        return local.staging();
    }

    @Override
    public String where() {
        return objects.location().toString();
    }

    private String databaseKey(CatalogueDatabase database) {
        return objects.location().key(local.directoryName(database)) + "/";
    }

    Path stagingOf(CatalogueDatabase database) {
        return local.staging().resolve(local.directoryName(database));
    }

    @Override
    public CatalogueLock lock(CatalogueDatabase database, boolean wait) {
        CatalogueLock lock = local.lock(local.sha256Of(where() + "\n" + database.key()).substring(0, 16),
                "the backups of " + database.describe() + " in " + where(), wait);
        local.removeLeftovers(stagingOf(database));
        return lock;
    }

    @Override
    public PendingBackup begin(DatabaseIdentity identity, BackupFormat format, Instant startedAt) {
        CatalogueDatabase database = CatalogueDatabase.of(identity);
        String base = local.baseId(identity, startedAt);
        List<String> taken = located().keySet().stream().toList();
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        String dayKey = databaseKey(database) + local.day(startedAt) + "/";
        return new S3PendingBackup(id, format, objects, local, stagingOf(database), dayKey, databaseKey(database));
    }

    @Override
    public List<BackupManifest> list() {
        return located().values().stream().map(Located::manifest)
                .sorted(Comparator.comparing(BackupManifest::startedAt).thenComparing(BackupManifest::id)).toList();
    }

    private record Located(BackupManifest manifest, String manifestKey) {
        String sibling(String suffix) {
            return manifestKey.substring(0, manifestKey.length() - MANIFEST.length()) + suffix;
        }

        String backupKey() {
            return sibling("." + manifest.storedExtension());
        }
    }

    private Map<String, Located> located() {
        Map<String, Located> byId = new LinkedHashMap<>();
        for (S3Object object : objects.list(objects.location().root())) {
            String key = object.key();
            if (!key.endsWith(MANIFEST)) {
                continue;
            }
            BackupManifest manifest = readManifest(key);
            String name = key.substring(key.lastIndexOf('/') + 1);
            if (!name.equals(manifest.id() + MANIFEST)) {
                throw tampered(key, "its id \"" + manifest.id() + "\" is not its name");
            }
            if (byId.put(manifest.id(), new Located(manifest, key)) != null) {
                throw tampered(key, "its id " + manifest.id() + " is also another manifest's");
            }
        }
        return byId;
    }

    private BackupManifest readManifest(String key) {
        String json = objects.getText(key).orElseThrow(() -> new BadInputException("manifest " + where() + "/" + key
                + " vanished while the catalogue was read; try again"));
        try {
            return BackupManifest.parse(json);
        } catch (BadInputException e) {
            throw tampered(key, e.getMessage());
        }
    }

    private BadInputException tampered(String key, String why) {
        return new BadInputException("refusing the catalogue: manifest " + where() + "/" + key + " has been altered ("
                + why + "); move it out of the store to go on");
    }

    @Override
    public Optional<BackupManifest> find(String id) {
        return Optional.ofNullable(located().get(id)).map(Located::manifest);
    }

    private Located locate(BackupManifest manifest) {
        return Optional.ofNullable(located().get(manifest.id())).orElseThrow(() -> new BadInputException(
                "no backup " + manifest.id() + " in " + where() + " (see backups list)"));
    }

    /** Downloads the backup beside the manifest; its checksum is checked by the caller against the manifest. */
    @Override
    public BackupSource source(BackupManifest manifest) {
        Located located = locate(manifest);
        Path file = download(manifest, located.backupKey());
        return new BackupSource(file, located.manifest().backupFormat(), located.manifest());
    }

    @Override
    public Optional<Path> globalsOf(BackupManifest manifest) {
        Located located = locate(manifest);
        if (located.manifest().globalsSha256() == null) {
            return Optional.empty();
        }
        return Optional.of(download(manifest, located.sibling(GLOBALS)));
    }

    private Path download(BackupManifest manifest, String key) {
        Path file = objects.download(key, local.staging().resolve("downloads"), manifest.id());
        downloads.computeIfAbsent(manifest.id(), id -> new ArrayList<>()).add(file);
        return file;
    }

    @Override
    public void release(BackupSource source) {
        if (source.manifest() != null) {
            List<Path> files = downloads.remove(source.manifest().id());
            if (files != null) {
                files.forEach(local::delete);
            }
        }
    }

    @Override
    public BackupSource outsideFile(String reference) {
        return local.outsideFile(reference);
    }

    @Override
    public String sha256Now(BackupSource source) {
        return local.sha256(source.file());
    }

    @Override
    public void update(BackupManifest manifest) {
        objects.putText(locate(manifest).manifestKey(), manifest.toJson() + "\n");
    }

    /** The manifest goes first, so the backup leaves every listing at once; then its objects and the pointer. */
    @Override
    public void delete(BackupManifest manifest) {
        Located located = locate(manifest);
        objects.delete(located.manifestKey());
        objects.delete(located.backupKey());
        objects.delete(located.sibling(GLOBALS));
        String pointer = databaseKey(manifest.catalogueDatabase()) + "latest";
        String key = manifest.catalogueDatabase().key();
        Optional<BackupManifest> newest = list().stream().filter(m -> m.catalogueDatabase().key().equals(key))
                .reduce((older, newer) -> newer);
        if (newest.isPresent()) {
            objects.putText(pointer, newest.get().id() + "\n");
        } else {
            objects.delete(pointer);
        }
    }

    @Override
    public void recordRun(CatalogueDatabase database, BackupRun run) {
        objects.putText(databaseKey(database) + LAST_RUN, run.toJson() + "\n");
    }

    @Override
    public Optional<BackupRun> lastRun(CatalogueDatabase database) {
        String key = databaseKey(database) + LAST_RUN;
        return objects.getText(key).map(json -> {
            try {
                return BackupRun.parse(json);
            } catch (BadInputException e) {
                throw new BadInputException(where() + "/" + key + ": " + e.getMessage());
            }
        });
    }
}
