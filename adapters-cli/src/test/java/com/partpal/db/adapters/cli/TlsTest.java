package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.EmbeddedPostgres;
import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server with ssl = on, hostssl-only access and a certificate for "localhost" from a CA made here with openssl. */
class TlsTest {
    @TempDir
    static Path dir;
    static Path ca;
    static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws Exception {
        ca = dir.resolve("ca.crt");
        server = new TestCertificates(dir).caAndServer("localhost", "DNS:localhost")
                .start("hostssl all all 127.0.0.1/32 scram-sha-256\n");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String url(String host, String params) {
        PostgresUrl base = server.url();
        return "postgresql://" + base.user() + ":" + base.password() + "@" + host + ":" + base.port() + "/postgres?" + params;
    }

    @Test
    void verifyFullWithTheTestCaConnectsEncryptedForMonitorMigrateAndTheDriver() throws Exception {
        String good = url("localhost", "sslmode=verify-full&sslrootcert=" + ca);
        try (Connection c = PostgresPools.connect(PostgresUrl.parse(good)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            rs.next();
            assertTrue(rs.getBoolean(1), "the session is encrypted");
        }
        CliRun monitor = CliRun.of("monitor", "--db", good);
        assertEquals(0, monitor.exitCode(), monitor.all());
        assertTrue(monitor.out().startsWith("database: postgresql://postgres:****@localhost:"), monitor.out());

        Path sqlite = SqliteFiles.create(dir.resolve("tls.db"), "CREATE TABLE labels (id INTEGER PRIMARY KEY, name TEXT)",
                "INSERT INTO labels VALUES (1, 'a')");
        CliRun migrate = CliRun.of("migrate", "--from", sqlite.toString(), "--to", good, "--report",
                dir.resolve("r.json").toString(), "--rejects", dir.resolve("rejects.jsonl").toString());
        assertEquals(0, migrate.exitCode(), migrate.all());
        CliRun pooling = CliRun.of("pooling", "--db", good, "--cores", "2");
        assertEquals(0, pooling.exitCode(), pooling.all());
        assertTrue(pooling.out().contains("/postgres?sslmode=verify-full&sslrootcert=%2F"), pooling.out());
        assertTrue(pooling.out().contains("@127.0.0.1:6432/postgres?connection_limit=10&pool_timeout=10&pgbouncer=true\n"),
                "the app reaches the generated PgBouncer without TLS: " + pooling.out());
        assertFalse((monitor.all() + migrate.all() + pooling.all()).contains(server.url().password()));
    }

    @Test
    void prismasSslcertAndSslacceptStrictVerifyTheServerToo() {
        CliRun prisma = CliRun.of("monitor", "--db", url("localhost", "sslmode=require&sslcert=" + ca + "&sslaccept=strict"));
        assertEquals(0, prisma.exitCode(), prisma.all());
        CliRun wrongHost = CliRun.of("monitor", "--db", url("127.0.0.1", "sslmode=require&sslcert=" + ca + "&sslaccept=strict"));
        assertEquals(2, wrongHost.exitCode(), wrongHost.all());
        assertTrue(wrongHost.err().contains("the server's certificate is not for host 127.0.0.1"), wrongHost.err());
    }

    @Test
    void aWrongHostNameAndAPlainConnectionAreRefusedWithOneClearLine() {
        CliRun wrongHost = CliRun.of("monitor", "--db", url("127.0.0.1", "sslmode=verify-full&sslrootcert=" + ca));
        assertEquals(2, wrongHost.exitCode(), wrongHost.all());
        assertEquals(1, wrongHost.err().lines().count(), wrongHost.err());
        assertTrue(wrongHost.err().startsWith("error: cannot connect to PostgreSQL at postgresql://postgres:****@127.0.0.1:"),
                wrongHost.err());
        assertTrue(wrongHost.err().contains(": the server's certificate is not for host 127.0.0.1 (sslmode=verify-full):"
                + " connect with a host name the certificate lists, or use sslmode=verify-ca"), wrongHost.err());

        CliRun verifyCa = CliRun.of("monitor", "--db", url("127.0.0.1", "sslmode=verify-ca&sslrootcert=" + ca));
        assertEquals(0, verifyCa.exitCode(), "verify-ca checks the chain, not the name: " + verifyCa.all());

        CliRun plain = CliRun.of("monitor", "--db", url("localhost", "sslmode=disable"));
        assertEquals(2, plain.exitCode(), plain.all());
        assertTrue(plain.err().contains("no pg_hba.conf entry for host \"127.0.0.1\"") && plain.err().contains("no encryption"),
                plain.err());
        assertFalse((wrongHost.all() + plain.all()).contains(server.url().password()));
    }
}
