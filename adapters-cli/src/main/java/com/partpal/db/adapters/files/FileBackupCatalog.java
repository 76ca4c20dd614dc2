package com.partpal.db.adapters.files;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.application.port.backup.BackupSource;
import com.partpal.db.application.port.backup.CatalogueLock;
import com.partpal.db.application.port.backup.PendingBackup;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.BackupManifest;
import com.partpal.db.domain.backup.BackupRun;
import com.partpal.db.domain.backup.CatalogueDatabase;
import com.partpal.db.domain.backup.DatabaseIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The backups directory: {@code DIR/<label>-<hash of the database key>/<yyyy-MM-dd>/<id>.<ext>} with
 * {@code <id>.manifest.json} beside it, and {@code latest} and {@code last-run.json} in the database's directory
 * (catalogues written before identities used {@code DIR/<label>/}; they are read as they are). A backup file is always
 * the one beside its manifest, named by the manifest's id: an id that is not its manifest's file name, is not a safe
 * name, or a file that resolves (through symlinks) outside the catalogue is refused, so a tampered manifest can never
 * make a restore, verify or prune reach another file.
 */
public final class FileBackupCatalog implements BackupCatalog {
    static final String MANIFEST = ".manifest.json";
    static final String GLOBALS = ".globals.sql";
    private static final String LAST_RUN = "last-run.json";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private final Path root;

    public FileBackupCatalog(Path root) {
        this.root = root;
    }

    @Override
    public Path directory() {
        return root;
    }

    /** Database names become directory names: anything but letters, digits, dot, dash and underscore becomes _. */
    public static String safe(String database) {
        String s = database.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }

    /**
     * The directory of one database's backups. A database keeps the directory its backups are already in: catalogues
     * written while PostgreSQL databases were keyed by their address name it after that address's hash, and a
     * database reached under several names may have several; the newest backup's is used.
     */
    Path databaseDirectory(CatalogueDatabase database) {
        String name = safe(database.label());
        if (!database.identified()) {
            return root.resolve(name);
        }
        Path own = root.resolve(name + "-" + database.shortKey());
        if (Files.isDirectory(own)) {
            return own;
        }
        return located().values().stream()
                .filter(l -> l.manifest().catalogueDatabase().key().equals(database.key()))
                .max(Comparator.comparing((Located l) -> l.manifest().startedAt()))
                .map(l -> l.manifestFile().getParent().getParent())
                .filter(dir -> root.equals(dir.getParent()))
                .orElse(own);
    }

    @Override
    public CatalogueLock lock(CatalogueDatabase database, boolean wait) {
        Path lockFile = root.resolve(".locks").resolve(CatalogueFiles.sha256Of(database.key()).substring(0, 16) + ".lock");
        CatalogueLock lock = CatalogueLocks.acquire(lockFile, "the backups of " + database.describe() + " in " + root,
                wait);
        removeLeftovers(databaseDirectory(database));
        return lock;
    }

    /** Temporary files of runs that were killed or failed; only called with the database's lock held. */
    static void removeLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir, 2)) {
            files.filter(Files::isRegularFile).filter(CatalogueFiles::temporary).forEach(CatalogueFiles::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PendingBackup begin(DatabaseIdentity identity, BackupFormat format, Instant startedAt) {
        Path dir = databaseDirectory(CatalogueDatabase.of(identity)).resolve(DAY.format(startedAt));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException("cannot create backup directory " + dir + ": " + e.getMessage());
        }
        Set<String> taken = new HashSet<>(located().keySet());
        String base = safe(identity.label()) + "-" + STAMP.format(startedAt);
        String id = base;
        for (int n = 2; taken.contains(id) || Files.exists(dir.resolve(id + MANIFEST)); n++) {
            id = base + "-" + n;
        }
        return new FilePendingBackup(id, dir, format, databaseDirectory(CatalogueDatabase.of(identity)));
    }

    @Override
    public List<BackupManifest> list() {
        return located().values().stream().map(Located::manifest)
                .sorted(Comparator.comparing(BackupManifest::startedAt).thenComparing(BackupManifest::id)).toList();
    }

    private record Located(BackupManifest manifest, Path manifestFile) {
        Path backupFile() {
            return manifestFile.resolveSibling(manifest.id() + "." + manifest.storedExtension());
        }
    }

    /** Every manifest by id, each checked: its id is its file name, and its backup file stays inside the catalogue. */
    private Map<String, Located> located() {
        Map<String, Located> byId = new LinkedHashMap<>();
        if (!Files.isDirectory(root)) {
            return byId;
        }
        try (Stream<Path> files = Files.walk(root, 3)) {
            files.filter(p -> p.getFileName().toString().endsWith(MANIFEST) && !CatalogueFiles.temporary(p))
                    .forEach(p -> {
                        Located located = new Located(readManifest(p), p);
                        checkInside(located);
                        if (byId.put(located.manifest().id(), located) != null) {
                            throw tampered(p, "its id " + located.manifest().id() + " is also another manifest's");
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byId;
    }

    private void checkInside(Located located) {
        Path manifestFile = located.manifestFile();
        String name = manifestFile.getFileName().toString();
        String id = located.manifest().id();
        if (!name.equals(id + MANIFEST)) {
            throw tampered(manifestFile, "its id \"" + id + "\" is not its file name");
        }
        Path file = located.backupFile();
        try {
            if (Files.exists(file) && !file.toRealPath().startsWith(root.toRealPath())) {
                throw tampered(manifestFile, "its backup file " + file + " leads outside the catalogue (a symlink)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BadInputException tampered(Path manifest, String why) {
        return new BadInputException("refusing the catalogue: manifest " + manifest + " has been altered (" + why
                + "); move it out of the catalogue to go on");
    }

    @Override
    public Optional<BackupManifest> find(String id) {
        return Optional.ofNullable(located().get(id)).map(Located::manifest);
    }

    private Located locate(BackupManifest manifest) {
        Located located = located().get(manifest.id());
        if (located == null) {
            throw new BadInputException("no backup " + manifest.id() + " in " + root + " (see backups list)");
        }
        return located;
    }

    @Override
    public BackupSource source(BackupManifest manifest) {
        Located located = locate(manifest);
        return new BackupSource(located.backupFile(), located.manifest().backupFormat(), located.manifest());
    }

    @Override
    public Optional<Path> globalsOf(BackupManifest manifest) {
        Path file = locate(manifest).manifestFile().resolveSibling(manifest.id() + GLOBALS);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            if (!file.toRealPath().startsWith(root.toRealPath())) {
                throw tampered(locate(manifest).manifestFile(), "its roles file leads outside the catalogue");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(file);
    }

    @Override
    public BackupSource outsideFile(String reference) {
        Path file = Path.of(reference);
        if ("latest".equals(reference) || !Files.isRegularFile(file)) {
            throw new BadInputException("no backup " + reference + ": not an id in " + root
                    + " (see backups list) nor a backup file");
        }
        return new BackupSource(file, CatalogueFiles.detectFormat(file), null);
    }

    /** The backup file of a manifest (for tests and tools). */
    public Path fileOf(BackupManifest m) {
        return locate(m).backupFile();
    }

    @Override
    public String sha256Now(BackupSource source) {
        if (!Files.isRegularFile(source.file())) {
            throw new BadInputException("backup file " + source.file() + " is missing");
        }
        return CatalogueFiles.sha256Of(source.file());
    }

    @Override
    public void update(BackupManifest manifest) {
        try {
            CatalogueFiles.writeAtomically(locate(manifest).manifestFile(), manifest.toJson());
        } catch (IOException e) {
            throw new BackupFailedException("cannot update the manifest of " + manifest.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(BackupManifest manifest) {
        Located located = locate(manifest);
        CatalogueFiles.deleteQuietly(located.manifestFile());
        CatalogueFiles.deleteQuietly(located.backupFile());
        CatalogueFiles.deleteQuietly(located.manifestFile().resolveSibling(manifest.id() + GLOBALS));
        CatalogueFiles.deleteQuietly(located.manifestFile().getParent());
        Path pointer = located.manifestFile().getParent().resolveSibling("latest");
        String key = manifest.catalogueDatabase().key();
        try {
            Optional<BackupManifest> newest = list().stream()
                    .filter(m -> m.catalogueDatabase().key().equals(key)).reduce((older, newer) -> newer);
            if (newest.isPresent()) {
                CatalogueFiles.writeAtomically(pointer, newest.get().id());
            } else {
                Files.deleteIfExists(pointer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void recordRun(CatalogueDatabase database, BackupRun run) {
        Path dir = databaseDirectory(database);
        try {
            Files.createDirectories(dir);
            CatalogueFiles.writeAtomically(dir.resolve(LAST_RUN), run.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<BackupRun> lastRun(CatalogueDatabase database) {
        Path file = databaseDirectory(database).resolve(LAST_RUN);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(BackupRun.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BadInputException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }

    private static BackupManifest readManifest(Path path) {
        try {
            return BackupManifest.parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BadInputException e) {
            throw tampered(path, e.getMessage());
        }
    }
}
