package com.partpal.db.adapters.sqlite.backup;

import com.partpal.db.application.port.backup.DumpFacts;
import com.partpal.db.application.port.backup.RestoreOptions;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteBackupEngineTest {
    @TempDir
    Path dir;
    private final SqliteBackupEngine engine = new SqliteBackupEngine();
    private Path source;

    @BeforeEach
    void createSource() throws Exception {
        source = dir.resolve("shop.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE \"Part\" (id INTEGER PRIMARY KEY, name TEXT, price REAL, data BLOB)");
            s.execute("CREATE TABLE \"odd \"\"name\" (x)");
            s.execute("CREATE INDEX part_name ON \"Part\"(name)");
            for (int i = 0; i < 250; i++) {
                s.execute("INSERT INTO \"Part\" VALUES (" + i + ", 'part " + i + " é', " + i * 1.5 + ", x'00ff" + String.format("%02x", i % 256) + "')");
            }
            s.execute("INSERT INTO \"odd \"\"name\" VALUES (1), (2)");
        }
    }

    private Path backup() throws Exception {
        Path file = dir.resolve("backup.sqlite");
        DumpFacts facts = engine.dump("file:" + source, BackupFormat.SQLITE, file);
        assertEquals(Map.of("Part", 250L, "odd \"name", 2L), facts.tableRowCounts());
        assertNull(facts.toolVersion());
        assertTrue(facts.serverVersion().startsWith("3."));
        return file;
    }

    private static List<String> rows(Path db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name, price, hex(data) FROM \"Part\" ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getDouble(3) + "|" + rs.getString(4));
            }
        }
        return rows;
    }

    @Test
    void backupThenRestoreGivesIdenticalData() throws Exception {
        Path file = backup();
        engine.checkArchive(file, BackupFormat.SQLITE);
        assertEquals(List.of("table Part", "table odd \"name", "index part_name"),
                engine.archiveContents(file, BackupFormat.SQLITE));
        Path target = dir.resolve("restored.db");
        engine.restore(file, BackupFormat.SQLITE, target.toString(), new RestoreOptions(false, 1));
        assertEquals(Map.of("Part", 250L, "odd \"name", 2L), engine.analyzeAndCount(target.toString()));
        assertEquals(rows(source), rows(target));
        assertEquals(250, rows(target).size());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary left");
        }
    }

    @Test
    void anExistingTargetNeedsDropDatabase() throws Exception {
        Path file = backup();
        Path target = dir.resolve("existing.db");
        Files.writeString(target, "precious");
        BadInputException e = assertThrows(BadInputException.class,
                () -> engine.restore(file, BackupFormat.SQLITE, target.toString(), new RestoreOptions(false, 1)));
        assertTrue(e.getMessage().endsWith("exists: pass --drop-database to replace it"));
        assertEquals("precious", Files.readString(target));
        Files.writeString(Path.of(target + "-wal"), "stale journal");
        engine.restore(file, BackupFormat.SQLITE, target.toString(), new RestoreOptions(true, 1));
        assertEquals(rows(source), rows(target));
        assertFalse(Files.exists(Path.of(target + "-wal")) && Files.readString(Path.of(target + "-wal")).equals("stale journal"));
    }

    @Test
    void truncatedOrForeignFilesFailTheCheckAndLeaveTheTarget() throws Exception {
        Path file = backup();
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.sqlite");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(BadInputException.class, () -> engine.checkArchive(truncated, BackupFormat.SQLITE));
        Path foreign = dir.resolve("foreign.sqlite");
        Files.writeString(foreign, "pg_dump output, not SQLite");
        BadInputException e = assertThrows(BadInputException.class,
                () -> engine.checkArchive(foreign, BackupFormat.SQLITE));
        assertEquals(foreign + " is not a SQLite database (or is truncated)", e.getMessage());

        Path target = dir.resolve("target.db");
        Files.copy(source, target);
        assertThrows(BadInputException.class,
                () -> engine.restore(truncated, BackupFormat.SQLITE, target.toString(), new RestoreOptions(true, 1)));
        assertEquals(rows(source), rows(target));
    }

    @Test
    void missingSourceIsOneLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> engine.dump(dir.resolve("nope.db").toString(), BackupFormat.SQLITE, dir.resolve("never.sqlite")));
        assertEquals("SQLite database " + dir.resolve("nope.db") + " does not exist", e.getMessage());
        assertThrows(BadInputException.class, () -> engine.formatFor("plain"));
    }

    @Test
    void scratchFilesAreRemoved() throws Exception {
        Path file = backup();
        String scratch = engine.createScratch(null, "partpal_restore_test_x");
        engine.restore(file, BackupFormat.SQLITE, scratch, new RestoreOptions(false, 1));
        assertEquals(250L, engine.analyzeAndCount(scratch).get("Part"));
        engine.dropScratch(scratch);
        assertFalse(Files.exists(Path.of(scratch).getParent()));
    }
}
