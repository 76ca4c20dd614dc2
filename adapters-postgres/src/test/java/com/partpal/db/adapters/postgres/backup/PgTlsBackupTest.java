package com.partpal.db.adapters.postgres.backup;

import com.partpal.db.adapters.postgres.EmbeddedPostgres;
import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.application.port.backup.RestoreOptions;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backup, restore and restore test over TLS only: a server of its own whose pg_hba.conf accepts hostssl connections
 * only, a CA and server certificate made with openssl, and sslmode=verify-full with sslrootcert in the URL or in
 * PGSSLROOTCERT. A plain connection, or a CA that did not sign the server's certificate, is refused.
 */
class PgTlsBackupTest {
    @TempDir
    static Path dir;
    static EmbeddedPostgres server;
    static Path ca;
    static Path otherCa;

    @BeforeAll
    static void startTlsOnlyServer() throws Exception {
        server = EmbeddedPostgres.start();
        Path dataDir;
        try (Connection c = PostgresPools.connect(server.url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW data_directory")) {
            rs.next();
            dataDir = Path.of(rs.getString(1));
        }
        ca = dir.resolve("ca.crt");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=partpal test CA",
                "-keyout", dir.resolve("ca.key").toString(), "-out", ca.toString());
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout",
                dir.resolve("server.key").toString(), "-out", dir.resolve("server.csr").toString());
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        openssl("x509", "-req", "-in", dir.resolve("server.csr").toString(), "-CA", ca.toString(), "-CAkey",
                dir.resolve("ca.key").toString(), "-CAcreateserial", "-days", "2", "-extfile",
                dir.resolve("san.ext").toString(), "-out", dir.resolve("server.crt").toString());
        otherCa = dir.resolve("other-ca.crt");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=someone else",
                "-keyout", dir.resolve("other-ca.key").toString(), "-out", otherCa.toString());

        UserPrincipal owner = Files.getOwner(dataDir);
        for (String name : List.of("server.crt", "server.key")) {
            Path target = dataDir.resolve(name);
            Files.copy(dir.resolve(name), target);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
            Files.setOwner(target, owner);
        }
        Path hba = dataDir.resolve("pg_hba.conf");
        String rules = Files.readString(hba).replaceAll("(?m)^host(\\s)", "hostssl$1");
        Files.writeString(hba, rules);
        try (Connection c = PostgresPools.connect(server.url()); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET ssl = on");
            s.execute("SELECT pg_reload_conf()");
        }
        Thread.sleep(500);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> "openssl " + args[0] + ": " + read(dir.resolve("openssl.log")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "";
        }
    }

    private static Map<String, String> env(String... extra) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("PG"));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    @Test
    void backupRestoreAndRestoreTestWorkOverVerifiedTlsAndNothingElse() throws Exception {
        String base = server.url().withDatabase("postgres").connectionString();
        String verified = base + "?sslmode=verify-full&sslrootcert=" + ca;
        PgDumpBackupEngine engine = new PgDumpBackupEngine(null, env());
        String scratchSource = engine.createScratch(verified, "tls_source");
        try (Connection c = PostgresPools.connect(PostgresUrl.parse(scratchSource)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE part (id int PRIMARY KEY)");
            s.execute("INSERT INTO part SELECT generate_series(1, 1000)");
            try (ResultSet rs = s.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                rs.next();
                assertTrue(rs.getBoolean(1), "our own connection uses TLS");
            }
        }
        Path file = dir.resolve("tls.dump");
        assertEquals(Map.of("part", 1000L), engine.dump(scratchSource, BackupFormat.CUSTOM, file).tableRowCounts());
        String scratch = engine.createScratch(verified, "tls_restore_test");
        try {
            engine.restore(file, BackupFormat.CUSTOM, scratch, new RestoreOptions(false, 1));
            assertEquals(Map.of("part", 1000L), engine.analyzeAndCount(scratch));
        } finally {
            engine.dropScratch(scratch);
        }

        String fromEnvironment = PostgresUrl.parse(scratchSource).withDatabase("tls_source").masked()
                .replace("****", server.url().password());
        PgDumpBackupEngine viaEnv = new PgDumpBackupEngine(null, env("PGSSLMODE", "verify-full",
                "PGSSLROOTCERT", ca.toString()));
        viaEnv.dump(fromEnvironment.replaceAll("\\?.*", ""), BackupFormat.CUSTOM, dir.resolve("env.dump"));

        RuntimeException plain = assertThrows(RuntimeException.class, () -> engine.dump(
                base.replace("/postgres", "/tls_source") + "?sslmode=disable", BackupFormat.CUSTOM,
                dir.resolve("plain.dump")));
        assertTrue(plain.getMessage().contains("no encryption") || plain.getMessage().contains("pg_hba.conf"),
                plain.getMessage());
        RuntimeException wrongCa = assertThrows(RuntimeException.class, () -> engine.dump(
                base.replace("/postgres", "/tls_source") + "?sslmode=verify-full&sslrootcert=" + otherCa,
                BackupFormat.CUSTOM, dir.resolve("wrong.dump")));
        assertEquals(1, wrongCa.getMessage().lines().count(), wrongCa.getMessage());
        engine.dropScratch(scratchSource);
    }
}
