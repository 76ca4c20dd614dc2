package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * migrate killed (kill -9) or stopped (SIGINT) at random points in a JVM of its own, then resumed: the target ends
 * identical to the source (verify), with the same rejects as a run that was never interrupted, and without bookkeeping.
 * The default build runs two kill cases (--jobs 1 killed once, --jobs 2 killed twice); {@code -Dpartpal.resume.seeds=N}
 * runs N (seeds 1..N, --jobs and kills varying with the seed), e.g. before a release.
 */
class MigrateResumeTest {
    private static final String SEEDS = "partpal.resume.seeds";
    @TempDir
    static Path dir;
    static Path source;
    static List<String> uninterruptedRejects;
    /** Kills land at a random time within this many ms after the load starts (half an uninterrupted run, at most 1.5 s). */
    static int killWindowMillis;

    @BeforeAll
    static void sampleAndAnUninterruptedRun() throws Exception {
        source = dir.resolve("dirty.db");
        assertEquals(0, CliRun.of("sample", source.toString(), "--rows", "6000", "--dirty").exitCode());
        Path rejects = dir.resolve("straight-rejects.jsonl");
        long started = System.nanoTime();
        CliRun run = CliRun.of(migrate(SharedPostgres.freshDatabase().connectionString(), 1, "straight", List.of("--no-verify")));
        killWindowMillis = (int) Math.min(1500, (System.nanoTime() - started) / 2_000_000);
        assertEquals(3, run.exitCode(), run.all());
        uninterruptedRejects = sorted(rejects);
        assertTrue(uninterruptedRejects.size() >= 4, uninterruptedRejects.toString());
    }

    static Stream<Arguments> killCases() {
        int seeds = Integer.getInteger(SEEDS, 0);
        if (seeds <= 0) {
            return Stream.of(Arguments.of(1L, 1, 1), Arguments.of(3L, 2, 2));
        }
        return LongStream.rangeClosed(1, seeds).mapToObj(seed -> Arguments.of(seed, (int) (seed % 3) + 1,
                (int) (seed % 2) + 1));
    }

    @ParameterizedTest(name = "seed {0}, --jobs {1}, killed {2} time(s)")
    @MethodSource("killCases")
    void killedAtARandomPointThenResumedEndsIdentical(long seed, int jobs, int kills) throws Exception {
        Random random = new Random(seed);
        String target = SharedPostgres.freshDatabase().connectionString();
        boolean interrupted = false; // the first run is a new one, the next ones resume
        for (int kill = 1; kill <= kills; kill++) {
            ChildCli child = ChildCli.start(dir.resolve("kill-" + seed + "-" + kill + ".out"), migrate(target, jobs,
                    "kill-" + seed, interrupted ? List.of("--resume") : List.of()));
            assertTrue(child.awaitOutput("-- loading tables"), child.output());
            Thread.sleep(random.nextInt(killWindowMillis));
            assertTrue(child.alive(), "the run ended before the kill: " + child.output());
            child.killHard();
            child.waitFor();
            interrupted = true;
            if (child.output().contains("-- verifying")) {
                // the kill landed after the load had completed and its state was removed: nothing is left to resume,
                // and the target must already equal the source
                CliRun verify = CliRun.of("verify", "--from", source.toString(), "--to", target,
                        "--rejects", dir.resolve("kill-" + seed + "-rejects.jsonl").toString());
                assertEquals(0, verify.exitCode(), verify.all()); // the rejects file was made whole before the kill
                assertEquals(uninterruptedRejects, sorted(dir.resolve("kill-" + seed + "-rejects.jsonl")));
                assertNoBookkeeping(target);
                return;
            }
        }
        Path out = dir.resolve("resume-" + seed + ".out");
        int exit = ChildCli.run(out, migrate(target, jobs, "resumed-" + seed, List.of("--resume")));
        String printed = Files.readString(out);
        assertEquals(3, exit, printed);
        assertTrue(printed.contains("verification: identical"), printed);
        assertTrue(printed.contains("(resumed the run started "), printed);
        assertEquals(uninterruptedRejects, sorted(dir.resolve("resumed-" + seed + "-rejects.jsonl")));
        assertNoBookkeeping(target);
    }

    @Test
    void ctrlCStopsWithinTwoSecondsSaysHowToContinueAndResumes() throws Exception {
        Path copy = Files.copy(source, dir.resolve("ctrl-c.db"), StandardCopyOption.REPLACE_EXISTING);
        PostgresUrl url = SharedPostgres.freshDatabase();
        String target = url.connectionString();
        ChildCli child = ChildCli.start(dir.resolve("ctrl-c.out"), migrate(copy, target, 2, "ctrl-c", List.of()));
        assertTrue(child.awaitOutput("-- loading tables"), child.output());
        Thread.sleep(300);
        long sent = System.nanoTime();
        child.signal("INT");
        int exit = child.waitFor();
        double seconds = (System.nanoTime() - sent) / 1e9;
        String printed = child.output();
        assertEquals(130, exit, printed);
        assertTrue(seconds < 2.0, "stopped after " + seconds + " s");
        assertTrue(printed.contains("-- committed before stopping: "), printed);
        assertTrue(printed.contains("to continue where it stopped:"), printed);
        assertTrue(printed.contains("partpal-db migrate --from " + copy), printed);
        assertTrue(printed.contains("--resume"), printed);
        assertFalse(printed.contains(url.password()), "password printed");

        CliRun without = CliRun.of(migrate(copy, target, 2, "ctrl-c-again", List.of()));
        assertEquals(2, without.exitCode(), without.all());
        assertTrue(without.err().contains("left its state in") && without.err().contains("add --resume"), without.err());

        CliRun otherOptions = CliRun.of(migrate(copy, target, 2, "ctrl-c-other", List.of("--resume", "--exclude", "activity_logs"))
                );
        assertEquals(2, otherOptions.exitCode(), otherOptions.all());
        assertTrue(otherOptions.err().contains("started with other options"), otherOptions.err());

        // an update in place (no row count or highest rowid changes) of the same file is a change; the same
        // content again, with a new file time, is not
        Path original = Files.copy(copy, dir.resolve("ctrl-c-original.db"), StandardCopyOption.REPLACE_EXISTING);
        SqliteFiles.create(copy, "UPDATE users SET name = name || '!' WHERE rowid = 1");
        CliRun changedSource = CliRun.of(migrate(copy, target, 2, "ctrl-c-changed", List.of("--resume")));
        assertEquals(2, changedSource.exitCode(), changedSource.all());
        assertTrue(changedSource.err().contains("changed since its snapshot"), changedSource.err());
        Files.copy(original, copy, StandardCopyOption.REPLACE_EXISTING);

        CliRun resumed = CliRun.of(migrate(copy, target, 1, "ctrl-c-resumed", List.of("--resume")));
        assertEquals(3, resumed.exitCode(), resumed.all());
        assertTrue(resumed.out().contains("verification: identical"), resumed.out());
        assertEquals(uninterruptedRejects, sorted(dir.resolve("ctrl-c-resumed-rejects.jsonl")));
        assertNoBookkeeping(target);
    }

    @Test
    void resumeWithoutAnInterruptedRunIsRefused() {
        CliRun run = CliRun.of(migrate(source, SharedPostgres.freshDatabase().connectionString(), 1, "nothing",
                List.of("--resume")));
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().startsWith("error: nothing to resume in "), run.err());
    }

    private static String[] migrate(String target, int jobs, String name, List<String> more) {
        return migrate(source, target, jobs, name, more);
    }

    private static String[] migrate(Path from, String target, int jobs, String name, List<String> more) {
        List<String> args = new ArrayList<>(List.of("migrate", "--from", from.toString(), "--to", target,
                "--jobs", Integer.toString(jobs), "--checkpoint-rows", "900", "--batch-size", "300",
                "--report", dir.resolve(name + ".json").toString(), "--rejects", dir.resolve(name + "-rejects.jsonl").toString()));
        args.addAll(more);
        return args.toArray(String[]::new);
    }

    private static List<String> sorted(Path file) throws Exception {
        return Files.readAllLines(file).stream().sorted().toList();
    }

    /** No run state schema and no helper column are left once a run completed. */
    static void assertNoBookkeeping(String target) throws SQLException {
        PostgresUrl url = PostgresUrl.parse(target);
        try (Connection c = MigrateCommandTest.connect(url); Statement s = c.createStatement()) {
            assertEquals(0, count(s, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'partpal_db_state%'"));
            assertEquals(0, count(s, "SELECT count(*) FROM pg_attribute WHERE attname = '_partpal_rowid' AND NOT attisdropped"));
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
