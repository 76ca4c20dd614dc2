package com.partpal.db.adapters.postgres.backup;

import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.application.port.backup.RestoreOptions;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Credentials the way libpq users keep them (PGPASSWORD, PGPASSFILE, PGSSLMODE), for backup, restore and restore
 * tests, and never a password on a child's command line.
 */
class PgCredentialsTest {
    @TempDir
    Path dir;
    private PostgresUrl source;
    private PostgresUrl noPassword;
    private String password;

    @BeforeEach
    void createSource() throws SQLException {
        source = SharedPostgres.freshDatabase();
        password = source.password();
        try (Connection c = PostgresPools.connect(source); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE part (id int PRIMARY KEY, name text)");
            s.execute("INSERT INTO part SELECT g, repeat('x', 100) || g FROM generate_series(1, 30000) g");
        }
        noPassword = PostgresUrl.of(source.host(), source.port(), source.database(), source.user(), null);
    }

    /** The test JVM's environment without any libpq variable, HOME pointing at an empty directory, plus extra. */
    private Map<String, String> env(String... extra) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("PG"));
        env.put("HOME", dir.toString());
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    /** Backup, archive check, restore test (scratch database, restore, counts, drop) with a URL that has no password. */
    private void backupRestoreAndRestoreTest(PgDumpBackupEngine engine, String location) {
        Path file = dir.resolve("b-" + System.nanoTime() + ".dump");
        Map<String, Long> counts = engine.dump(location, BackupFormat.CUSTOM, file).tableRowCounts();
        assertEquals(Map.of("part", 30000L), counts);
        engine.checkArchive(file, BackupFormat.CUSTOM);
        String scratch = engine.createScratch(location, "cred_test_" + System.nanoTime());
        try {
            engine.restore(file, BackupFormat.CUSTOM, scratch, new RestoreOptions(false, 1));
            assertEquals(counts, engine.analyzeAndCount(scratch));
        } finally {
            engine.dropScratch(scratch);
        }
        assertTrue(engine.identify(location).systemIdentifier() != null);
    }

    @Test
    void pgpasswordInTheEnvironmentServesJdbcAndTheClientPrograms() {
        backupRestoreAndRestoreTest(new PgDumpBackupEngine(null, env("PGPASSWORD", password)),
                noPassword.connectionString());
        RuntimeException none = assertThrows(RuntimeException.class, () -> new PgDumpBackupEngine(null, env())
                .dump(noPassword.connectionString(), BackupFormat.CUSTOM, dir.resolve("x.dump")));
        assertEquals(1, none.getMessage().lines().count(), none.getMessage());
        assertTrue(none.getMessage().contains("password"), none.getMessage());
    }

    @Test
    void aPasswordFileServesJdbcAndTheClientProgramsUnlessOthersMayReadIt() throws Exception {
        Path passFile = dir.resolve("pgpass");
        Files.writeString(passFile, "# comment\nother:1:*:*:wrong\n" + source.host() + ":" + source.port()
                + ":*:" + source.user() + ":" + password.replace(":", "\\:") + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(passFile, PosixFilePermissions.fromString("rw-------"));
        backupRestoreAndRestoreTest(new PgDumpBackupEngine(null, env("PGPASSFILE", passFile.toString())),
                noPassword.connectionString());

        Path home = Files.createDirectories(dir.resolve("home"));
        Files.copy(passFile, home.resolve(".pgpass"));
        Map<String, String> withHome = env();
        withHome.put("HOME", home.toString());
        backupRestoreAndRestoreTest(new PgDumpBackupEngine(null, withHome), noPassword.connectionString());

        Files.setPosixFilePermissions(passFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThrows(RuntimeException.class, () -> new PgDumpBackupEngine(null, env("PGPASSFILE", passFile.toString()))
                .dump(noPassword.connectionString(), BackupFormat.CUSTOM, dir.resolve("y.dump")));
    }

    @Test
    void sslmodeFromTheEnvironmentIsHonouredAndTheUrlsWins() {
        PgDumpBackupEngine requireSsl = new PgDumpBackupEngine(null, env("PGSSLMODE", "require", "PGPASSWORD", password));
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> requireSsl.dump(noPassword.connectionString(), BackupFormat.CUSTOM, dir.resolve("z.dump")));
        assertTrue(refused.getMessage().contains("SSL"), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count());
        backupRestoreAndRestoreTest(requireSsl, noPassword.connectionString() + "?sslmode=disable");
    }

    @Test
    void noChildProgramEverHasThePasswordOnItsCommandLine() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            while (!stop.get()) {
                ProcessHandle.current().descendants().forEach(p -> {
                    try {
                        byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
                        String cmdline = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
                        if (cmdline.contains("pg_dump") || cmdline.contains("pg_restore") || cmdline.contains("psql")) {
                            seen.add(cmdline);
                        }
                    } catch (Exception ignored) {
                        // the process ended between listing and reading
                    }
                });
                Thread.onSpinWait();
            }
        }, "cmdline-watcher");
        watcher.start();
        try {
            PgDumpBackupEngine engine = new PgDumpBackupEngine(null, env());
            backupRestoreAndRestoreTest(engine, source.connectionString());
            Path plain = dir.resolve("p.sql.gz");
            engine.dump(source.connectionString(), BackupFormat.PLAIN_GZIP, plain);
            String scratch = engine.createScratch(source.connectionString(), "cred_plain_" + System.nanoTime());
            try {
                engine.restore(plain, BackupFormat.PLAIN_GZIP, scratch, new RestoreOptions(false, 1));
            } finally {
                engine.dropScratch(scratch);
            }
        } finally {
            stop.set(true);
            watcher.join();
        }
        System.out.println("child command lines seen: " + seen.size() + " " + seen);
        for (String tool : List.of("pg_dump ", "pg_restore ", "psql ")) {
            assertTrue(seen.stream().anyMatch(c -> c.contains(tool)), tool + "was never seen: " + seen);
        }
        seen.forEach(c -> assertFalse(c.contains(password), c));
    }
}
