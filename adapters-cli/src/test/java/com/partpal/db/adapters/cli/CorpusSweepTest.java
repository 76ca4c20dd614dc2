package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Migrates every file of the real-world corpus (../shared/corpus/dbs: Chinook, Northwind, Sakila, Prisma, Django,
 * Rails, Flask, Strapi, n8n, Anki, Calibre, ...) into a real PostgreSQL: each must end with exit 0 or 3 and verify
 * identical apart from its rejects. Each file is copied first; the originals are never opened.
 *
 * <p>Where: the system property partpal.db.corpus or the environment variable PARTPAL_DB_CORPUS; when either is
 * set and the directory is missing the test fails. Otherwise ../../shared/corpus/dbs from the module, then
 * /work/shared/corpus/dbs; when neither exists (CI without the corpus) the sweep is aborted as "corpus not
 * present", not passed.
 */
class CorpusSweepTest {
    private static final Pattern SUMMARY = Pattern.compile("(?m)^  ([\\d,]+) rows copied, ([\\d,]+) rejected$");

    @TempDir
    static Path copies;

    @TestFactory
    Stream<DynamicTest> everyCorpusFileMigratesAndVerifies() throws IOException {
        Path corpus = corpus();
        List<Path> files;
        try (Stream<Path> listing = Files.list(corpus)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no files in the corpus " + corpus);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> sweep(file)));
    }

    private static void sweep(Path original) throws Exception {
        Path copy = Files.copy(original, Files.createDirectories(copies.resolve(original.getFileName() + ".d"))
                .resolve(original.getFileName()));
        PostgresUrl target = SharedPostgres.freshDatabase();
        CliRun run = CliRun.of("migrate", "--from", copy.toString(), "--to", target.connectionString(),
                "--report", copy + ".report.json", "--rejects", copy + ".rejects.jsonl");
        Matcher summary = SUMMARY.matcher(run.out());
        String figures = summary.find() ? summary.group(1) + " rows copied, " + summary.group(2) + " rejected" : "-";
        boolean identical = run.out().contains("verification: identical");
        System.out.printf("corpus sweep: %-36s exit %d, %s, verify %s%n", original.getFileName(), run.exitCode(),
                figures, identical ? "identical" : "NOT identical");
        if (run.exitCode() != 0 && run.exitCode() != 3) {
            fail(original.getFileName() + ": exit " + run.exitCode() + "\n" + run.err());
        }
        assertTrue(identical, original.getFileName() + ": verification\n" + run.out());
    }

    static Path corpus() {
        Optional<String> configured = Optional.ofNullable(System.getProperty("partpal.db.corpus"))
                .or(() -> Optional.ofNullable(System.getenv("PARTPAL_DB_CORPUS"))).filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            Path path = Path.of(configured.get());
            if (!Files.isDirectory(path)) {
                fail("the corpus location configured (partpal.db.corpus / PARTPAL_DB_CORPUS) does not exist: " + path);
            }
            return path;
        }
        for (Path candidate : List.of(Path.of("../../shared/corpus/dbs"), Path.of("/work/shared/corpus/dbs"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort("corpus not present (set PARTPAL_DB_CORPUS or -Dpartpal.db.corpus to sweep it)");
        return null;
    }
}
