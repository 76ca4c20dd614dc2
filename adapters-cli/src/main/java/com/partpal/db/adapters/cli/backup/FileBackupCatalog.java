package com.partpal.db.adapters.cli.backup;

import com.partpal.db.application.port.backup.BackupCatalog;
import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.application.port.backup.BackupSource;
import com.partpal.db.application.port.backup.PendingBackup;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.BackupManifest;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The backups directory: {@code DIR/<database>/<yyyy-MM-dd>/<id>.<ext>} with {@code <id>.manifest.json} beside it and
 * {@code DIR/<database>/latest} holding the newest id. Files are written under a dot-name ending in .partial, synced,
 * then renamed; manifests and pointers are replaced atomically, so a crash never leaves a half backup that looks good.
 */
public final class FileBackupCatalog implements BackupCatalog {
    private static final String MANIFEST = ".manifest.json";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private final Path root;

    public FileBackupCatalog(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Database names become directory names: anything but letters, digits, dot, dash and underscore becomes _. */
    static String safe(String database) {
        String s = database.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }

    @Override
    public PendingBackup begin(String database, BackupFormat format, Instant startedAt) {
        Path dir = root.resolve(safe(database)).resolve(DAY.format(startedAt));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException("cannot create backup directory " + dir + ": " + e.getMessage());
        }
        String id = safe(database) + "-" + STAMP.format(startedAt);
        for (int n = 2; Files.exists(dir.resolve(id + MANIFEST)); n++) {
            id = safe(database) + "-" + STAMP.format(startedAt) + "-" + n;
        }
        return new FilePending(id, dir, format);
    }

    private final class FilePending implements PendingBackup {
        private final String id;
        private final Path dir;
        private final Path temp;
        private final Path target;
        private boolean committed;

        FilePending(String id, Path dir, BackupFormat format) {
            this.id = id;
            this.dir = dir;
            this.target = dir.resolve(id + "." + format.extension());
            this.temp = dir.resolve("." + id + "." + format.extension() + ".partial");
        }

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
            try {
                return Files.size(temp);
            } catch (IOException e) {
                throw new BackupFailedException("backup file " + temp + " was not written: " + e.getMessage(), e);
            }
        }

        @Override
        public String sha256() {
            return sha256Of(temp);
        }

        @Override
        public BackupManifest commit(BackupManifest manifest) {
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                writeAtomically(dir.resolve(id + MANIFEST), manifest.toJson());
                writeAtomically(root.resolve(safe(manifest.database())).resolve("latest"), id);
            } catch (IOException e) {
                throw new BackupFailedException("cataloguing backup " + id + " failed: " + e.getMessage(), e);
            }
            committed = true;
            return manifest;
        }

        @Override
        public void close() {
            if (!committed) {
                deleteQuietly(temp);
            }
        }
    }

    @Override
    public List<BackupManifest> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, 3)) {
            return files.filter(p -> p.getFileName().toString().endsWith(MANIFEST))
                    .map(FileBackupCatalog::readManifest)
                    .sorted(Comparator.comparing(BackupManifest::startedAt).thenComparing(BackupManifest::id))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<BackupManifest> find(String id) {
        return list().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Override
    public Optional<BackupManifest> latest(String database) {
        return list().stream().filter(m -> database == null || m.database().equals(database)
                || safe(m.database()).equals(database)).reduce((older, newer) -> newer);
    }

    @Override
    public BackupSource resolve(String reference) {
        Optional<BackupManifest> manifest = "latest".equals(reference) ? latest(null) : find(reference);
        if (manifest.isPresent()) {
            return new BackupSource(fileOf(manifest.get()), manifest.get().backupFormat(), manifest.get());
        }
        Path file = Path.of(reference);
        if ("latest".equals(reference) || !Files.isRegularFile(file)) {
            throw new BadInputException("no backup " + reference + ": not an id in " + root
                    + " (see backups list) nor a backup file");
        }
        return new BackupSource(file, detectFormat(file), null);
    }

    /** Recognises custom dumps (PGDMP), gzip (.sql.gz), SQLite files and plain .sql by content and name. */
    static BackupFormat detectFormat(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage());
        }
        if (startsWith(head, "PGDMP".getBytes(StandardCharsets.US_ASCII))) {
            return BackupFormat.CUSTOM;
        }
        if (startsWith(head, new byte[] {0x1f, (byte) 0x8b})) {
            return BackupFormat.PLAIN_GZIP;
        }
        if (startsWith(head, "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII))) {
            return BackupFormat.SQLITE;
        }
        if (file.getFileName().toString().endsWith(".sql")) {
            return BackupFormat.PLAIN;
        }
        throw new BadInputException(file + " is not a backup partpal-db reads (custom dump, .sql, .sql.gz or SQLite)");
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    public Path fileOf(BackupManifest m) {
        return dirOf(m).resolve(m.id() + "." + m.backupFormat().extension());
    }

    private Path dirOf(BackupManifest m) {
        return root.resolve(safe(m.database())).resolve(DAY.format(m.startedAt()));
    }

    @Override
    public String sha256Now(BackupSource source) {
        if (!Files.isRegularFile(source.file())) {
            throw new BadInputException("backup file " + source.file() + " is missing");
        }
        return sha256Of(source.file());
    }

    private static String sha256Of(Path file) {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file);
             OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            in.transferTo(sink);
        } catch (IOException e) {
            throw new BadInputException("cannot read backup file " + file + ": " + e.getMessage());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void update(BackupManifest manifest) {
        try {
            writeAtomically(dirOf(manifest).resolve(manifest.id() + MANIFEST), manifest.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(BackupManifest manifest) {
        deleteQuietly(dirOf(manifest).resolve(manifest.id() + MANIFEST));
        deleteQuietly(fileOf(manifest));
        deleteQuietly(dirOf(manifest));
        Path pointer = root.resolve(safe(manifest.database())).resolve("latest");
        try {
            Optional<BackupManifest> newest = latest(manifest.database());
            if (newest.isPresent()) {
                writeAtomically(pointer, newest.get().id());
            } else {
                Files.deleteIfExists(pointer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAtomically(Path path, String text) throws IOException {
        Path temp = path.resolveSibling("." + path.getFileName() + ".partial");
        Files.writeString(temp, text + "\n", StandardCharsets.UTF_8);
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static BackupManifest readManifest(Path path) {
        try {
            return BackupManifest.parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BadInputException e) {
            throw new BadInputException(path + ": " + e.getMessage());
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // non-empty directories stay; a leftover file is listed by nothing
        }
    }
}
