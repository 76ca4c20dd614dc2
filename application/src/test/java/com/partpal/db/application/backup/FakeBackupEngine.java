package com.partpal.db.application.backup;

import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.application.port.backup.DumpFacts;
import com.partpal.db.application.port.backup.RestoreOptions;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.DatabaseIdentity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Databases are maps of table to row count, locations start with "fake:", an archive is "table=count" lines. */
final class FakeBackupEngine implements BackupEngine {
    final Map<String, Map<String, Long>> databases = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    private final FakeBackupCatalog catalog;
    boolean failDump;

    FakeBackupEngine(FakeBackupCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String engine() {
        return "postgres";
    }

    @Override
    public boolean accepts(String location) {
        return location.startsWith("fake:");
    }

    @Override
    public boolean reads(BackupFormat format) {
        return format == BackupFormat.CUSTOM;
    }

    @Override
    public BackupFormat formatFor(String option) {
        return BackupFormat.CUSTOM;
    }

    @Override
    public String databaseName(String location) {
        return location.substring("fake:".length());
    }

    @Override
    public DatabaseIdentity locate(String location) {
        return DatabaseIdentity.postgres(null, "fake", 5432, databaseName(location));
    }

    @Override
    public DatabaseIdentity identify(String location) {
        return DatabaseIdentity.postgres("7000000000000000001", "fake", 5432, databaseName(location));
    }

    @Override
    public boolean restoreTestNeedsServer() {
        return true;
    }

    @Override
    public DumpFacts dump(String location, BackupFormat format, Path file) {
        StringBuilder text = new StringBuilder("FAKEDUMP\n");
        databases.get(location).forEach((t, n) -> text.append(t).append('=').append(n).append('\n'));
        catalog.files.put(file, text.toString().getBytes(StandardCharsets.UTF_8));
        if (failDump) {
            throw new BackupFailedException("pg_dump: error: connection lost");
        }
        return new DumpFacts("15.19", "15.18", databases.get(location));
    }

    @Override
    public void checkArchive(Path file, BackupFormat format) {
        read(file);
    }

    private Map<String, Long> read(Path file) {
        String text = new String(catalog.files.get(file), StandardCharsets.UTF_8);
        if (!text.startsWith("FAKEDUMP\n")) {
            throw new BadInputException("not a dump: " + file);
        }
        Map<String, Long> tables = new TreeMap<>();
        text.lines().skip(1).forEach(l -> {
            String[] kv = l.split("=");
            try {
                tables.put(kv[0], Long.parseLong(kv[1]));
            } catch (RuntimeException e) {
                throw new BadInputException("truncated dump: " + file);
            }
        });
        return tables;
    }

    @Override
    public List<String> archiveContents(Path file, BackupFormat format) {
        return read(file).keySet().stream().map(t -> "TABLE " + t).toList();
    }

    @Override
    public void restore(Path file, BackupFormat format, String target, RestoreOptions options) {
        calls.add("restore " + target + (options.dropDatabase() ? " drop" : ""));
        if (!options.dropDatabase() && !databases.getOrDefault(target, Map.of()).isEmpty()) {
            throw new BackupFailedException("relation already exists");
        }
        databases.put(target, read(file));
    }

    @Override
    public Map<String, Long> analyzeAndCount(String target) {
        calls.add("analyze " + target);
        return databases.get(target);
    }

    @Override
    public String createScratch(String serverLocation, String name) {
        calls.add("create " + name);
        databases.put("fake:" + name, new TreeMap<>());
        return "fake:" + name;
    }

    @Override
    public void dropScratch(String scratchLocation) {
        calls.add("drop " + scratchLocation);
        databases.remove(scratchLocation);
    }
}
