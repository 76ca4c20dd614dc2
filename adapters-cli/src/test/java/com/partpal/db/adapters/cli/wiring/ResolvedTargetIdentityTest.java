package com.partpal.db.adapters.cli.wiring;

import com.partpal.db.application.jobs.JobTarget;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Every spelling of this machine is one server; a file and a symbolic link to it are one file. */
class ResolvedTargetIdentityTest {
    private final ResolvedTargetIdentity identities = new ResolvedTargetIdentity();

    private String postgres(String url) {
        return identities.of(new JobTarget("shown", PostgresUrl.parse(url), null));
    }

    @Test
    void localhost127001AndIpv6LoopbackAreOneServer() {
        String byName = postgres("postgresql://localhost:5432/partpal");
        assertEquals(byName, postgres("postgresql://u:p@127.0.0.1:5432/partpal"));
        assertEquals(byName, postgres("postgresql://[::1]:5432/partpal"));
        assertEquals(byName, postgres("jdbc:postgresql://LOCALHOST/partpal"));
        assertNotEquals(byName, postgres("postgresql://127.0.0.1:5432/other"));
        assertNotEquals(byName, postgres("postgresql://127.0.0.1:5433/partpal"));
    }

    @Test
    void aFileIsItsRealPath(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("dev.db"));
        Path link = Files.createSymbolicLink(dir.resolve("link.db"), file);
        assertEquals(identities.of(new JobTarget("a", null, file)), identities.of(new JobTarget("b", null, link)));
        assertEquals(identities.of(new JobTarget("a", null, file)),
                identities.of(new JobTarget("c", null, dir.resolve("sub/../dev.db"))));
    }
}
