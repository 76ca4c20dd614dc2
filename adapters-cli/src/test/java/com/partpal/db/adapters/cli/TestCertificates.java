package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A CA and certificates made with openssl in a test's directory, and an embedded server with ssl = on using them. */
final class TestCertificates {
    private final Path dir;

    TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** ca.crt/ca.key, and server.crt/server.key for the subjectAltName given (e.g. "DNS:localhost"). */
    TestCertificates caAndServer(String serverName, String subjectAltName) throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-subj", "/CN=partpal-db test CA", "-days", "2");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
                "/CN=" + serverName);
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=" + subjectAltName + "\n");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "san.ext");
        return this;
    }

    /** A server with ssl = on, the CA for client certificates, and pg_hba.conf holding only {@code hba}. */
    EmbeddedPostgres start(String hba) {
        return EmbeddedPostgres.start(data -> {
            for (String name : List.of("server.crt", "server.key", "ca.crt")) {
                Files.copy(dir.resolve(name), data.resolve(name));
            }
            Files.setPosixFilePermissions(data.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
            Files.writeString(data.resolve("postgresql.conf"), "\nssl = on\nssl_cert_file = 'server.crt'\n"
                    + "ssl_key_file = 'server.key'\nssl_ca_file = 'ca.crt'\n", StandardOpenOption.APPEND);
            Files.writeString(data.resolve("pg_hba.conf"), hba);
        });
    }

    void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, Files.readString(dir.resolve("openssl.log")));
    }
}
