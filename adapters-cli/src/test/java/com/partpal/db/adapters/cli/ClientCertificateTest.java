package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.EmbeddedPostgres;
import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that lets in only clients with a certificate from its CA ({@code hostssl ... cert}, no password at all),
 * and the client key as libpq and Prisma take it: PEM, in PKCS#8 or PKCS#1. Backup (pg_dump plus our own JDBC
 * snapshot and counts), restore (pg_restore plus JDBC checks) and monitor (JDBC only) all get in with it.
 */
class ClientCertificateTest {
    @TempDir
    static Path dir;
    static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates certificates = new TestCertificates(dir).caAndServer("127.0.0.1", "IP:127.0.0.1");
        // the client's certificate names the role it logs in as; its key is PKCS#8 PEM ("BEGIN PRIVATE KEY")
        certificates.openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out", "client.csr",
                "-subj", "/CN=" + EmbeddedPostgres.SUPERUSER);
        certificates.openssl("x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "client.crt", "-days", "2");
        certificates.openssl("rsa", "-in", "client.key", "-traditional", "-out", "client-pkcs1.key");
        for (String key : List.of("client.key", "client-pkcs1.key")) {
            Files.setPosixFilePermissions(dir.resolve(key), PosixFilePermissions.fromString("rw-------"));
        }
        server = certificates.start("hostssl all all 127.0.0.1/32 cert\n");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String url(String database, String key) {
        return "postgresql://" + EmbeddedPostgres.SUPERUSER + "@127.0.0.1:" + server.port() + "/" + database
                + "?sslmode=verify-full&sslrootcert=" + dir.resolve("ca.crt") + "&sslcert=" + dir.resolve("client.crt")
                + "&sslkey=" + dir.resolve(key);
    }

    @Test
    void aPemKeyInPkcs8OrPkcs1LetsBackupRestoreAndMonitorInWithoutAPassword() throws Exception {
        try (Connection c = PostgresPools.connect(PostgresUrl.parse(url("postgres", "client.key")));
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE shop");
            s.execute("CREATE DATABASE shop_copy");
            try (ResultSet rs = s.executeQuery("SELECT ssl, client_dn FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                rs.next();
                assertTrue(rs.getBoolean(1));
                assertEquals("/CN=" + EmbeddedPostgres.SUPERUSER, rs.getString(2), "our JDBC session shows the certificate");
            }
        }
        try (Connection c = PostgresPools.connect(PostgresUrl.parse(url("shop", "client-pkcs1.key")));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE part (id int PRIMARY KEY, name text)");
            s.execute("INSERT INTO part SELECT g, 'part ' || g FROM generate_series(1, 500) g");
        }
        Path catalogue = dir.resolve("backups");
        for (String key : List.of("client.key", "client-pkcs1.key")) {
            CliRun backup = CliRun.of("backup", "--db", url("shop", key), "--dir", catalogue.toString());
            assertEquals(0, backup.exitCode(), key + ": " + backup.all());
        }
        CliRun restore = CliRun.of("restore", "latest", "--db", url("shop", "client.key"), "--to",
                url("shop_copy", "client-pkcs1.key"), "--dir", catalogue.toString(), "--allow-other-database", "--yes");
        assertEquals(0, restore.exitCode(), restore.all());
        try (Connection c = PostgresPools.connect(PostgresUrl.parse(url("shop_copy", "client.key")));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*), max(name) FROM part")) {
            rs.next();
            assertEquals(500, rs.getInt(1));
            assertEquals("part 99", rs.getString(2));
        }
        CliRun monitor = CliRun.of("monitor", "--db", url("shop", "client-pkcs1.key"));
        assertEquals(0, monitor.exitCode(), monitor.all());

        List<Path> copies;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            copies = files.filter(f -> f.getFileName().toString().startsWith("partpal-db-client-key-")).toList();
        }
        assertFalse(copies.isEmpty(), "the driver read DER copies");
        for (Path copy : copies) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)), copy.toString());
        }
        String pem = Files.readString(dir.resolve("client.key"));
        String body = pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertFalse((backup(catalogue) + restore.all() + monitor.all()).contains(body), "the key is never shown");
    }

    @Test
    void aKeyThatIsNotAKeyIsOneLine() throws Exception {
        Path notAKey = dir.resolve("not-a-key.pem");
        Files.writeString(notAKey, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        CliRun monitor = CliRun.of("monitor", "--db", url("postgres", "not-a-key.pem"));
        assertEquals(2, monitor.exitCode(), monitor.all());
        assertEquals(1, monitor.err().lines().count(), monitor.err());
        assertTrue(monitor.err().contains("cannot read the client key " + notAKey + " (sslkey)"), monitor.err());
    }

    private static String backup(Path catalogue) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(catalogue)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }
}
