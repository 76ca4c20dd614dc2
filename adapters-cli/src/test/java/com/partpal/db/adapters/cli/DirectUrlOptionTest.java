package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --direct-url gives every command the server's own URL for a pgbouncer=true URL, as $DIRECT_URL does, and wins over
 * it. The pooled URLs here point at a port where nothing listens: a command that succeeds did all its work on the
 * direct URL.
 */
class DirectUrlOptionTest {
    @TempDir
    Path dir;

    @Test
    void theOptionCarriesMigrateAndBackupPastAPgBouncerUrlAndWinsOverTheVariable() throws Exception {
        PostgresUrl target = SharedPostgres.freshDatabase();
        String pooled = pooled(target);
        String direct = target.connectionString();
        Path sqlite = SqliteFiles.create(dir.resolve("app.db"), "CREATE TABLE labels (id INTEGER PRIMARY KEY, name TEXT)",
                "INSERT INTO labels VALUES (1, 'a'), (2, 'b')");

        CliRun migrate = CliRun.of("migrate", "--from", sqlite.toString(), "--to", pooled, "--direct-url", direct);
        assertEquals(0, migrate.exitCode(), migrate.all());
        assertEquals(2, count(target));
        CliRun backup = CliRun.of("backup", "--db", pooled, "--direct-url", direct, "--dir", dir.resolve("b").toString());
        assertEquals(0, backup.exitCode(), backup.all());

        CliRun withoutIt = CliRun.of("backup", "--db", pooled, "--dir", dir.resolve("b").toString());
        assertEquals(2, withoutIt.exitCode(), "each command line starts without the last one's option: " + withoutIt.all());
        assertTrue(withoutIt.err().contains("set DIRECT_URL (or give --direct-url)"), withoutIt.err());
        CliRun pooledToo = CliRun.of("backup", "--db", pooled, "--direct-url", pooled, "--dir", dir.resolve("b").toString());
        assertEquals(2, pooledToo.exitCode(), pooledToo.all());
        assertTrue(pooledToo.err().startsWith("error: --direct-url postgresql://") && pooledToo.err().contains(
                "has pgbouncer=true too"), pooledToo.err());
        for (CliRun run : List.of(migrate, backup, withoutIt, pooledToo)) {
            assertFalse(run.all().contains(target.password()), run.all());
        }

        // DIRECT_URL names another database; the option, given too, is the one used
        String wrongDatabase = direct.replace("/" + target.database(), "/postgres");
        Child child = Child.run(Map.of("DIRECT_URL", wrongDatabase), "backup", "--db", pooled, "--direct-url", direct,
                "--dir", dir.resolve("c").toString());
        assertEquals(0, child.exit(), child.output());
        Child variableOnly = Child.run(Map.of("DIRECT_URL", wrongDatabase), "backup", "--db", pooled,
                "--dir", dir.resolve("c").toString());
        assertEquals(2, variableOnly.exit(), variableOnly.output());
        assertTrue(variableOnly.output().contains("DIRECT_URL postgresql://"), variableOnly.output());
        assertFalse((child.output() + variableOnly.output()).contains(target.password()));
    }

    private static String pooled(PostgresUrl target) {
        return new PostgresUrl("127.0.0.1", 1, target.database(), target.user(), target.password(), "public", 4, 10,
                null, null, true, Map.of()).connectionString();
    }

    private static long count(PostgresUrl target) throws Exception {
        try (Connection c = PostgresPools.connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM labels")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private record Child(int exit, String output) {
        static Child run(Map<String, String> env, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), PartpalDb.class.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(3, TimeUnit.MINUTES);
            return new Child(process.exitValue(), output);
        }
    }
}
