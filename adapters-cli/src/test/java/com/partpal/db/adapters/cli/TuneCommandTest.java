package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TuneCommandTest {
    @TempDir
    Path dir;

    @Test
    void showsRecommendationsNextToTheServersValuesAndWritesAScriptTheServerAccepts() throws Exception {
        PostgresUrl url = SharedPostgres.server().url();
        Path script = dir.resolve("tune.sql");
        CliRun run = CliRun.of("tune", "--db", url.connectionString(), "--alter-system", script.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("machine: memory ") && run.out().contains("(the server's /proc/meminfo and cgroup limit)"),
                run.out());
        assertTrue(run.out().contains("storage ssd (assumed; --storage hdd for spinning disks)"), run.out());
        assertTrue(run.out().matches("(?s).*\nshared_buffers +128MB +\\*\\d+[kMG]B +25% of .*"), run.out());
        assertTrue(run.out().matches("(?s).*\nmax_connections +60 .*"), run.out());
        assertFalse(run.all().contains(url.password()));

        String sql = Files.readString(script);
        long settings = sql.lines().filter(line -> line.startsWith("ALTER SYSTEM SET ")).count();
        try (Connection c = PostgresPools.connect(url); Statement s = c.createStatement()) {
            try {
                for (String line : sql.lines().filter(l -> l.startsWith("ALTER SYSTEM")).toList()) {
                    s.execute(line);
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE error IS NULL"
                        + " OR error = 'setting could not be applied' AND name IN (SELECT name FROM pg_settings WHERE context = 'postmaster')),"
                        + " count(*) FROM pg_file_settings"
                        + " WHERE sourcefile LIKE '%postgresql.auto.conf'")) {
                    rs.next();
                    assertEquals(settings, rs.getLong(2), sql);
                    assertEquals(settings, rs.getLong(1), "every value is valid (restart-only ones wait for a restart)");
                }
            } finally {
                s.execute("ALTER SYSTEM RESET ALL");
            }
        }

        CliRun json = CliRun.of("tune", "--db", url.connectionString(), "--json");
        assertEquals(0, json.exitCode(), json.all());
        assertTrue(json.out().contains("\"settings\":[{\"name\":\"max_connections\",\"current\":\"60\""), json.out());
    }

    @Test
    void withoutAServerTheMachineIsGivenAndABadSizeIsOneLine() {
        CliRun run = CliRun.of("tune", "--memory", "8GB", "--cores", "4", "--storage", "hdd");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("machine: memory 8GB (--memory), cores 4 (--cores), storage hdd\n"), run.out());
        assertTrue(run.out().matches("(?s).*\nrandom_page_cost +- +4 +HDD.*"), run.out());
        assertTrue(run.out().matches("(?s).*\nshared_buffers +- +2GB .*"), run.out());

        CliRun bad = CliRun.of("tune", "--memory", "lots", "--cores", "2");
        assertEquals(2, bad.exitCode(), bad.all());
        assertEquals("error: --memory must be a size like 8GB or 512MB, got 'lots'\n", bad.err());
    }
}
