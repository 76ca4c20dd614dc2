package com.partpal.db.adapters.cli.bench;

import com.partpal.db.application.migrate.MigrateRequest;
import com.partpal.db.adapters.cli.progress.Figures;
import com.partpal.db.adapters.postgres.EmbeddedPostgres;
import com.partpal.db.application.port.SampleDataWriter;
import com.partpal.db.domain.BadInputException;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Times this tool's migrate against the raw pipeline {@code sqlite3 -csv | psql \copy} plus its indexes and foreign
 * keys built one after another, on the same generated data and the same throwaway server, and prints both.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks migrate against the raw sqlite3 | psql \\copy pipeline (needs sqlite3 and psql).",
                "Prints seconds, rows/s, peak memory and the ratio (tool / raw; lower is better)."})
public final class BenchCommand implements Callable<Integer> {
    private final SampleDataWriter sampleWriter;

    @Inject
    BenchCommand(SampleDataWriter sampleWriter) {
        this.sampleWriter = sampleWriter;
    }

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows in the largest tables (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--jobs", defaultValue = "" + MigrateRequest.DEFAULT_JOBS, description = "migrate --jobs (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--heap", defaultValue = "256m", description = "Java heap of the migrate process (default: ${DEFAULT-VALUE}).")
    String heap;

    @Override
    public Integer call() throws Exception {
        requireOnPath("sqlite3");
        requireOnPath("psql");
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("partpal-bench");
        Path db = work.resolve("bench.db");
        out.printf("generating sample data (%s rows in the largest tables) ...%n", Figures.count(rows));
        sampleWriter.write(db, rows, false);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            String uri = postgres.url().connectionString();
            Map<String, String> env = Map.of("PGURL", uri, "CI", "true");
            List<String> tables = lines(run(List.of("sqlite3", db.toString(), "SELECT name FROM sqlite_schema WHERE type='table'"
                    + " AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name"), env).output());
            long totalRows = 0;
            for (String table : tables) {
                totalRows += Long.parseLong(run(List.of("sqlite3", db.toString(), "SELECT count(*) FROM \"" + table + "\""), env)
                        .output().trim());
            }
            out.printf("%s rows in %d tables; PostgreSQL at %s%n", Figures.count(totalRows), tables.size(), postgres.url().masked());

            settle(env);
            Path gcMigrate = work.resolve("gc-migrate.log");
            ChildProcess.Result tool = ChildProcess.run(List.of(javaBinary(), "-Xmx" + heap, GcLog.option(gcMigrate), "-jar", jarPath(), "migrate",
                    "--from", db.toString(), "--to", postgres.url().withSchema("tool").connectionString(), "--jobs", Integer.toString(jobs),
                    "--report", work.resolve("report.json").toString(), "--no-verify"), env);
            if (tool.exitCode() != 0) {
                throw new IllegalStateException("migrate failed (exit " + tool.exitCode() + "): " + tool.output());
            }
            settle(env);
            Path gcVerify = work.resolve("gc-verify.log");
            ChildProcess.Result verify = ChildProcess.run(List.of(javaBinary(), "-Xmx" + heap, GcLog.option(gcVerify), "-jar", jarPath(), "verify",
                    "--from", db.toString(), "--to", postgres.url().withSchema("tool").connectionString(),
                    "--report", work.resolve("verify.json").toString()), env);
            if (verify.exitCode() != 0) {
                throw new IllegalStateException("verify found differences or failed (exit " + verify.exitCode() + "): "
                        + verify.output());
            }
            settle(env);
            ChildProcess.Result planted = verifyWithTenDifferences(db, work, postgres.url().withSchema("tool").connectionString(), env);
            RawPipeline raw = new RawPipeline(db, work, env);
            settle(env);
            ChildProcess.Result copy = raw.copy(tables);
            ChildProcess.Result indexes = raw.buildIndexesOneByOne();
            double rawSeconds = copy.seconds() + indexes.seconds();
            out.println();
            out.printf(Locale.ROOT, "%-52s %9s %12s %12s %13s%n", "", "seconds", "rows/s", "peak RSS MB", "peak heap MB");
            print(out, "partpal-db migrate (-Xmx" + heap + ", --jobs " + jobs + ")", tool.seconds(), totalRows, tool.peakRssKb(),
                    GcLog.peakHeapMb(gcMigrate));
            print(out, "partpal-db verify (identical data)", verify.seconds(), totalRows, verify.peakRssKb(),
                    GcLog.peakHeapMb(gcVerify));
            print(out, "partpal-db verify (10 rows changed/deleted/added)", planted.seconds(), totalRows, planted.peakRssKb());
            print(out, "raw: sqlite3 -csv | psql \\copy", copy.seconds(), totalRows, copy.peakRssKb());
            print(out, "raw: indexes + foreign keys one by one", indexes.seconds(), totalRows, indexes.peakRssKb());
            print(out, "raw: total", rawSeconds, totalRows, Math.max(copy.peakRssKb(), indexes.peakRssKb()));
            out.printf(Locale.ROOT, "ratio (partpal-db / raw): %.2f  (goal <= 1.0, aim 0.8)%n", tool.seconds() / rawSeconds);
            out.println();
            out.println("partpal-db migrate phases (seconds since its start):");
            tool.timedOutput().lines().filter(line -> line.contains("] -- ") || line.contains("] migrated "))
                    .forEach(line -> out.println("  " + line));
            return 0;
        } finally {
            run(List.of("rm", "-rf", work.toString()), Map.of());
        }
    }

    /** Changes 4, deletes 3 and adds 3 rows of tool.parts; verify must exit 1 naming exactly those 10. */
    private ChildProcess.Result verifyWithTenDifferences(Path db, Path work, String toolUrl, Map<String, String> env)
            throws Exception {
        String plant = "UPDATE tool.parts SET name = name || ' (changed)' WHERE id IN (SELECT id FROM tool.parts ORDER BY id LIMIT 4);"
                + " DELETE FROM tool.parts WHERE id IN (SELECT id FROM tool.parts ORDER BY id DESC LIMIT 3);"
                + " INSERT INTO tool.parts SELECT 'bench-extra-' || id, \"vehicleId\", \"sellerId\", name, \"partNumber\","
                + " description, condition, price, currency, status, location, images, \"isListedOnMarketplace\","
                + " \"categoryId\", \"createdAt\", \"updatedAt\" FROM tool.parts ORDER BY id LIMIT 3 OFFSET 10;";
        run(List.of("psql", env.get("PGURL"), "-q", "-v", "ON_ERROR_STOP=1", "-c", plant), env);
        Path report = work.resolve("verify-planted.json");
        ChildProcess.Result result = ChildProcess.run(List.of(javaBinary(), "-Xmx" + heap, "-jar", jarPath(), "verify",
                "--from", db.toString(), "--to", toolUrl, "--tables", "parts", "--report", report.toString()), env);
        String json = Files.readString(report);
        if (result.exitCode() != 1 || !json.contains("\"differingRows\":10")) {
            throw new IllegalStateException("verify did not find exactly the 10 planted differences (exit "
                    + result.exitCode() + "): " + json.substring(0, Math.min(600, json.length())));
        }
        return result;
    }

    /**
     * Writes back what earlier steps left dirty (the generated file, the previous run's tables) before a timed run,
     * so that no run pays for the disk writes of the one before it: without it, the first run timed, migrate,
     * shared the disk with the write-back of the sample just generated.
     */
    private static void settle(Map<String, String> env) throws IOException, InterruptedException {
        run(List.of("sync"), env);
    }

    private static void print(PrintStream out, String label, double seconds, long rows, long rssKb) {
        out.printf(Locale.ROOT, "%-52s %9.1f %12s %12d%n", label, seconds, Figures.rate(rows, seconds), rssKb / 1024);
    }

    private static void print(PrintStream out, String label, double seconds, long rows, long rssKb, long heapMb) {
        out.printf(Locale.ROOT, "%-52s %9.1f %12s %12d %13d%n", label, seconds, Figures.rate(rows, seconds), rssKb / 1024,
                heapMb);
    }

    static ChildProcess.Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ChildProcess.Result result = ChildProcess.run(command, env);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(command.get(0) + " failed (exit " + result.exitCode() + "): " + result.output().strip());
        }
        return result;
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static void requireOnPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return;
            }
        }
        throw new BadInputException("bench needs " + program + " on PATH (apt-get install -y sqlite3 postgresql-client)");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jarPath() throws Exception {
        Path jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!jar.toString().endsWith(".jar")) {
            throw new BadInputException("bench runs from the packaged jar: java -jar adapters-cli/target/partpal-db.jar bench");
        }
        return jar.toString();
    }

    /** The baseline a DBA would script by hand, into schema "raw" with the tool's column types. */
    private static final class RawPipeline {
        private final Path db;
        private final Path work;
        private final Map<String, String> env;

        RawPipeline(Path db, Path work, Map<String, String> env) {
            this.db = db;
            this.work = work;
            this.env = env;
        }

        ChildProcess.Result copy(List<String> tables) throws IOException, InterruptedException {
            StringBuilder script = new StringBuilder("set -euo pipefail\n");
            StringBuilder ddl = new StringBuilder("CREATE SCHEMA raw;\n");
            for (String table : tables) {
                ddl.append("CREATE TABLE raw.\"").append(table).append("\" (LIKE tool.\"").append(table)
                        .append("\" INCLUDING DEFAULTS);\n");
                Path select = work.resolve("select-" + table + ".sql");
                Files.writeString(select, selectFor(table));
                script.append("sqlite3 -csv '").append(db).append("' < '").append(select).append("' | psql \"$PGURL\" -q -c '\\copy raw.\"")
                        .append(table).append("\" FROM STDIN CSV'\n");
            }
            psqlScript(ddl.toString(), "raw-ddl.sql");
            Path file = work.resolve("raw-copy.sh");
            Files.writeString(file, script);
            return run(List.of("bash", file.toString()), env);
        }

        ChildProcess.Result buildIndexesOneByOne() throws IOException, InterruptedException {
            String query = "SELECT replace(indexdef, ' ON tool.', ' ON raw.') || ';' FROM pg_indexes WHERE schemaname = 'tool'"
                    + " UNION ALL SELECT format('ALTER TABLE raw.%I ADD CONSTRAINT %I %s;', c.relname, k.conname,"
                    + " replace(pg_get_constraintdef(k.oid), 'REFERENCES tool.', 'REFERENCES raw.'))"
                    + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'tool' AND k.contype = 'f'";
            String statements = run(List.of("psql", env.get("PGURL"), "-At", "-c", query), env).output();
            return psqlScript(statements, "raw-indexes.sql");
        }

        private ChildProcess.Result psqlScript(String sql, String name) throws IOException, InterruptedException {
            Path file = work.resolve(name);
            Files.writeString(file, sql);
            return run(List.of("psql", env.get("PGURL"), "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString()), env);
        }

        private String selectFor(String table) throws IOException, InterruptedException {
            List<String> columns = new ArrayList<>();
            for (String line : lines(run(List.of("sqlite3", "-separator", "|", db.toString(),
                    "SELECT name, upper(type) FROM pragma_table_info('" + table + "')"), env).output())) {
                String[] parts = line.split("\\|", 2);
                String column = "\"" + parts[0] + "\"";
                boolean dateTime = parts.length > 1 && (parts[1].contains("DATETIME") || parts[1].contains("TIMESTAMP"));
                columns.add(dateTime ? "CASE WHEN typeof(" + column + ") = 'integer' THEN strftime('%Y-%m-%d %H:%M:%f', "
                        + column + " / 1000.0, 'unixepoch') ELSE " + column + " END" : column);
            }
            return "SELECT " + String.join(", ", columns) + " FROM \"" + table + "\";\n";
        }
    }
}
