package com.partpal.db.adapters.postgres.backup;

import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.application.port.backup.DumpFacts;
import com.partpal.db.application.port.backup.RestoreOptions;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The machine's pg_dump, pg_restore and psql against a real embedded PostgreSQL. */
class PgDumpBackupEngineTest {
    private static final List<String> TABLES = List.of("public.part", "public.\"Order Line\"", "stock.bin");
    private final PgDumpBackupEngine engine = new PgDumpBackupEngine();
    @TempDir
    Path dir;
    private PostgresUrl source;

    @BeforeEach
    void createSource() throws SQLException {
        source = SharedPostgres.freshDatabase();
        sql(source,
                "CREATE TABLE part (id int PRIMARY KEY, name text, price numeric(12,4), photo bytea,"
                        + " added timestamptz, meta jsonb)",
                "INSERT INTO part VALUES (1, 'bolt ''M6''', 0.1250, '\\x00ff10', '2024-03-31 01:30:00+00', '{\"a\": [1, 2]}'),"
                        + " (2, 'écrou – ナット', NULL, NULL, NULL, NULL), (3, E'tab\\tnew\\nline', 12345678.9999, '\\x', "
                        + " '1999-12-31 23:59:59.999999+00', '\"x\"')",
                "CREATE TABLE \"Order Line\" (id serial PRIMARY KEY, part_id int REFERENCES part(id), qty int)",
                "INSERT INTO \"Order Line\" (part_id, qty) SELECT 1 + g % 3, g FROM generate_series(1, 500) g",
                "CREATE SCHEMA stock",
                "CREATE TABLE stock.bin (code text PRIMARY KEY)",
                "INSERT INTO stock.bin VALUES ('A1'), ('B2')");
    }

    @Test
    void customBackupRestoresIntoAFreshDatabaseWithIdenticalData() throws Exception {
        roundTrip(BackupFormat.CUSTOM);
    }

    @Test
    void plainGzipBackupRestoresIntoAFreshDatabaseWithIdenticalData() throws Exception {
        roundTrip(BackupFormat.PLAIN_GZIP);
    }

    private void roundTrip(BackupFormat format) throws Exception {
        Path file = dir.resolve("backup." + format.extension());
        DumpFacts facts = engine.dump(source.connectionString(), format, file);
        assertEquals(Map.of("part", 3L, "Order Line", 500L, "stock.bin", 2L), facts.tableRowCounts());
        assertTrue(facts.toolVersion().startsWith("pg_dump (PostgreSQL) "), facts.toolVersion());
        assertTrue(facts.serverVersion().startsWith("15."), facts.serverVersion());
        engine.checkArchive(file, format);
        assertTrue(engine.archiveContents(file, format).stream().anyMatch(l -> l.contains("Order Line")));

        String scratch = engine.createScratch(source.connectionString(), "roundtrip_" + format.name().toLowerCase());
        try {
            engine.restore(file, format, scratch, new RestoreOptions(false, 1));
            assertEquals(facts.tableRowCounts(), engine.analyzeAndCount(scratch));
            for (String table : TABLES) {
                assertEquals(rows(source, table), rows(PostgresUrl.parse(scratch), table), table);
            }
        } finally {
            engine.dropScratch(scratch);
        }
        assertFalse(databaseExists(PostgresUrl.parse(scratch).database()), "scratch database dropped");
    }

    @Test
    void anOlderPgDumpIsRefusedWithTheFix() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("old-bin"));
        Path fake = bin.resolve("pg_dump");
        Files.writeString(fake, "#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path out = dir.resolve("never.dump");

        BadInputException e = assertThrows(BadInputException.class, () ->
                new PgDumpBackupEngine(bin).dump(source.connectionString(), BackupFormat.CUSTOM, out));

        assertTrue(e.getMessage().contains("pg_dump 9.6.24 is older than the server (PostgreSQL 15."), e.getMessage());
        assertTrue(e.getMessage().contains("install postgresql-client-15"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(e.getMessage().contains(source.password()));
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingPgDumpIsOneClearLine() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty-bin"));
        BadInputException e = assertThrows(BadInputException.class, () -> new PgDumpBackupEngine(empty)
                .dump(source.connectionString(), BackupFormat.CUSTOM, dir.resolve("never.dump")));
        assertTrue(e.getMessage().startsWith("pg_dump was not found in " + empty), e.getMessage());
        assertTrue(e.getMessage().contains("postgresql-client-15"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aHostileDatabaseNameIsDroppedAndRecreatedSafely() throws Exception {
        Path file = dump(BackupFormat.CUSTOM);
        String victim = "y";
        if (!databaseExists(victim)) {
            SharedPostgres.server().createDatabase(victim);
        }
        PostgresUrl hostile = SharedPostgres.server().createDatabase("x; DROP DATABASE y");
        sql(hostile, "CREATE TABLE old_stuff (i int)");
        try {
            engine.restore(file, BackupFormat.CUSTOM, hostile.connectionString(), new RestoreOptions(true, 1));
            assertTrue(databaseExists(victim), "database y survived");
            assertEquals(Map.of("part", 3L, "Order Line", 500L, "stock.bin", 2L),
                    engine.analyzeAndCount(hostile.connectionString()));
        } finally {
            engine.dropScratch(hostile.connectionString());
        }
        assertFalse(databaseExists("x; DROP DATABASE y"));
        assertTrue(databaseExists(victim));
    }

    @Test
    void aTruncatedCustomDumpIsRefused() throws Exception {
        Path file = dump(BackupFormat.CUSTOM);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 200));
        BadInputException e = assertThrows(BadInputException.class, () -> engine.checkArchive(file, BackupFormat.CUSTOM));
        assertTrue(e.getMessage().contains("damaged or truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("end of file"), e.getMessage());
    }

    @Test
    void aFlippedByteInTheDataIsRefused() throws Exception {
        Path file = dump(BackupFormat.CUSTOM);
        byte[] bytes = Files.readAllBytes(file);
        int at = bytes.length - 300;
        bytes[at] = (byte) ~bytes[at];
        Files.write(file, bytes);
        BadInputException e = assertThrows(BadInputException.class, () -> engine.checkArchive(file, BackupFormat.CUSTOM));
        assertTrue(e.getMessage().contains("could not uncompress data"), e.getMessage());
    }

    @Test
    void aTruncatedGzipIsRefused() throws Exception {
        Path file = dump(BackupFormat.PLAIN_GZIP);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(BadInputException.class, () -> engine.checkArchive(file, BackupFormat.PLAIN_GZIP));
    }

    @ParameterizedTest
    @EnumSource(value = BackupFormat.class, names = {"CUSTOM", "PLAIN_GZIP"})
    void aFailingRestoreLeavesTheExistingDataIntact(BackupFormat format) throws Exception {
        Path file = dump(format);
        PostgresUrl target = SharedPostgres.freshDatabase();
        sql(target, "CREATE TABLE part (keep text)", "INSERT INTO part VALUES ('precious')");
        BackupFailedException e = assertThrows(BackupFailedException.class, () ->
                engine.restore(file, format, target.connectionString(), new RestoreOptions(false, 1)));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertFalse(e.getMessage().contains(target.password()));
        assertEquals(List.of("precious"), rows(target, "public.part"));
        assertEquals(Map.of("part", 1L), engine.analyzeAndCount(target.connectionString()));
    }

    @Test
    void aDropDatabaseRestoreThatFailsLeavesTheTargetAsItWas() throws Exception {
        Path file = dir.resolve("fails-halfway.sql.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("CREATE TABLE half (i int);\nINSERT INTO half VALUES (1);\nSELECT 1/0;\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        PostgresUrl target = SharedPostgres.freshDatabase();
        sql(target, "CREATE TABLE part (keep text)", "INSERT INTO part VALUES ('precious')");
        BackupFailedException e = assertThrows(BackupFailedException.class, () ->
                engine.restore(file, BackupFormat.PLAIN_GZIP, target.connectionString(), new RestoreOptions(true, 1)));
        assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
        assertEquals(List.of("precious"), rows(target, "public.part"));
        assertEquals(Map.of("part", 1L), engine.analyzeAndCount(target.connectionString()));
        assertFalse(databaseExists(ServerDatabases.siblingName(target.database(), "_partpal_restore")),
                "the half-restored copy is dropped");
    }

    @Test
    void aDropDatabaseRestoreReplacesTheTargetAndLeavesNoCopiesBehind() throws Exception {
        Path file = dump(BackupFormat.CUSTOM);
        PostgresUrl target = SharedPostgres.freshDatabase();
        sql(target, "CREATE TABLE old_stuff (i int)");
        try (Connection open = PostgresPools.connect(target)) {
            engine.restore(file, BackupFormat.CUSTOM, target.connectionString(), new RestoreOptions(true, 1));
            assertTrue(open.isClosed() || !open.isValid(2), "sessions on the old database were ended");
        }
        assertEquals(Map.of("part", 3L, "Order Line", 500L, "stock.bin", 2L),
                engine.analyzeAndCount(target.connectionString()));
        assertFalse(databaseExists(ServerDatabases.siblingName(target.database(), "_partpal_restore")));
        assertFalse(databaseExists(ServerDatabases.siblingName(target.database(), "_partpal_old")));
    }

    @Test
    void siblingNamesFitPostgresLimitWithoutSplittingACharacter() {
        String name = "é".repeat(40);
        String sibling = ServerDatabases.siblingName(name, "_partpal_restore");
        assertTrue(sibling.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63, sibling);
        assertTrue(sibling.endsWith("_partpal_restore"));
        assertEquals("é".repeat(23) + "_partpal_restore", sibling);
        assertEquals("shop_partpal_restore", ServerDatabases.siblingName("shop", "_partpal_restore"));
    }

    @Test
    void parallelJobsRestoreTheSameData() throws Exception {
        Path file = dump(BackupFormat.CUSTOM);
        String scratch = engine.createScratch(source.connectionString(), "parallel_restore");
        try {
            engine.restore(file, BackupFormat.CUSTOM, scratch, new RestoreOptions(false, 2));
            assertEquals(Map.of("part", 3L, "Order Line", 500L, "stock.bin", 2L), engine.analyzeAndCount(scratch));
            assertEquals(rows(source, "public.part"), rows(PostgresUrl.parse(scratch), "public.part"));
        } finally {
            engine.dropScratch(scratch);
        }
    }

    private Path dump(BackupFormat format) throws Exception {
        Path file = dir.resolve("dump." + format.extension());
        engine.dump(source.connectionString(), format, file);
        return file;
    }

    private static void sql(PostgresUrl url, String... statements) throws SQLException {
        try (Connection c = PostgresPools.connect(url); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static List<String> rows(PostgresUrl url, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = PostgresPools.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static boolean databaseExists(String name) throws SQLException {
        try (Connection c = PostgresPools.connect(SharedPostgres.server().url());
             var p = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }
}
