package com.partpal.db.adapters.postgres.backup;

import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.adapters.postgres.Sql;
import com.partpal.db.application.port.backup.BackupEngine;
import com.partpal.db.application.port.backup.BackupFailedException;
import com.partpal.db.application.port.backup.DumpFacts;
import com.partpal.db.application.port.backup.RestoreOptions;
import com.partpal.db.domain.BadInputException;
import com.partpal.db.domain.backup.BackupFormat;
import com.partpal.db.domain.backup.DatabaseIdentity;
import com.partpal.db.domain.backup.PgVersion;
import com.partpal.db.domain.connection.PostgresUrl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * PostgreSQL backups through the machine's pg_dump (custom format, or plain SQL through gzip), checked with
 * pg_restore or a full gzip read, restored with pg_restore or psql in a single transaction. Row counts are taken in
 * the very snapshot pg_dump dumps (pg_export_snapshot), so they match the archive exactly.
 */
public final class PgDumpBackupEngine implements BackupEngine {
    private static final List<String> DUMP_OPTIONS = List.of("--no-owner", "--no-acl");
    private final PgClientTools tools;
    private final Map<String, String> environment;

    /** Client programs from PATH. */
    public PgDumpBackupEngine() {
        this(null);
    }

    /** @param clientBinDir the directory holding pg_dump, pg_restore and psql, or null for PATH */
    public PgDumpBackupEngine(Path clientBinDir) {
        this(clientBinDir, System.getenv());
    }

    /** @param environment the libpq variables (PGPASSWORD, PGPASSFILE, PGSSLMODE...) and PATH the clients see */
    public PgDumpBackupEngine(Path clientBinDir, Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.tools = new PgClientTools(clientBinDir, this.environment);
    }

    @Override
    public String engine() {
        return "postgres";
    }

    @Override
    public boolean accepts(String location) {
        return PostgresUrl.looksLikePostgres(location);
    }

    @Override
    public boolean reads(BackupFormat format) {
        return format == BackupFormat.CUSTOM || format.plainSql();
    }

    @Override
    public BackupFormat formatFor(String option) {
        return BackupFormat.fromOption(option);
    }

    @Override
    public String databaseName(String location) {
        return PostgresUrl.parse(location).database();
    }

    @Override
    public DatabaseIdentity locate(String location) {
        PostgresUrl url = PostgresUrl.parse(location);
        return DatabaseIdentity.postgres(null, url.host(), url.port(), url.database());
    }

    /** Adds the server's system identifier, read from the database itself or, when it does not exist yet, the server. */
    @Override
    public DatabaseIdentity identify(String location) {
        PostgresUrl url = url(location);
        return DatabaseIdentity.postgres(ServerDatabases.systemIdentifier(url), url.host(), url.port(), url.database());
    }

    @Override
    public boolean restoreTestNeedsServer() {
        return true;
    }

    @Override
    public DumpFacts dump(String location, BackupFormat format, Path file) {
        return dump(location, format, file, false);
    }

    /** ownersAndGrants keeps owners and privileges in custom archives (plain SQL never holds them). */
    @Override
    public DumpFacts dump(String location, BackupFormat format, Path file, boolean ownersAndGrants) {
        PostgresUrl url = url(location);
        try (Connection c = PostgresPools.connect(url)) {
            PgVersion server = PgVersion.fromServerVersionNum(queryOne(c, "SHOW server_version_num"));
            String toolVersion = tools.version("pg_dump", clientFix(server));
            PgVersion tool = PgVersion.fromToolOutput(toolVersion);
            if (!tool.canDump(server)) {
                throw new BadInputException("pg_dump " + tool + " is older than the server (PostgreSQL " + server
                        + ") and cannot dump it: " + clientFix(server));
            }
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            String snapshot = queryOne(c, "SELECT pg_export_snapshot()");
            Map<String, Long> counts = countRows(c);
            runPgDump(url, format, snapshot, file, ownersAndGrants && format == BackupFormat.CUSTOM);
            c.commit();
            return new DumpFacts(server.toString(), toolVersion, counts);
        } catch (SQLException e) {
            throw ServerDatabases.failed("backing up " + url.masked(), e, url);
        }
    }

    /**
     * Roles, memberships, role settings and tablespaces, without role passwords (so the catalogue holds no password
     * hashes, and a login that is not a superuser may take them).
     */
    @Override
    public void dumpGlobals(String location, Path file) {
        PostgresUrl url = url(location);
        PgClientTools.Running run = tools.start("pg_dumpall", List.of("--globals-only", "--no-role-passwords",
                "--database=" + url.database()), url, clientFix(null));
        try (OutputStream out = Files.newOutputStream(file)) {
            run.drainTo(out);
        } catch (IOException | UncheckedIOException e) {
            run.kill();
            throw new BackupFailedException("writing the roles failed: " + e.getMessage(), e);
        }
        run.finish("pg_dumpall --globals-only");
    }

    private void runPgDump(PostgresUrl url, BackupFormat format, String snapshot, Path file, boolean owners) {
        if (format != BackupFormat.CUSTOM && format != BackupFormat.PLAIN_GZIP) {
            throw new BadInputException("PostgreSQL backups are written as custom or plain (.sql.gz), not "
                    + format.formatName() + "/" + format.compression());
        }
        List<String> args = new ArrayList<>(owners ? List.of() : DUMP_OPTIONS);
        args.add(format == BackupFormat.CUSTOM ? "--format=custom" : "--format=plain");
        args.add("--snapshot=" + snapshot);
        PgClientTools.Running run = tools.start("pg_dump", args, url, clientFix(null));
        try (OutputStream out = Files.newOutputStream(file)) {
            if (format == BackupFormat.CUSTOM) {
                run.drainTo(out);
            } else {
                GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
                run.drainTo(gzip);
                gzip.finish();
            }
        } catch (IOException | UncheckedIOException e) {
            run.kill();
            throw new BackupFailedException("writing the backup failed: " + e.getMessage(), e);
        }
        run.finish("pg_dump");
    }

    @Override
    public void checkArchive(Path file, BackupFormat format) {
        requireFile(file);
        if (format == BackupFormat.CUSTOM) {
            pgRestoreToNowhere(file, List.of("--list"), "pg_restore --list");
            // --list reads only the table of contents; writing the script reads and inflates every data block
            pgRestoreToNowhere(file, List.of("--file=-"), "reading every block");
        } else {
            try (InputStream in = openPlain(file, format)) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new BadInputException("backup " + file + " is damaged or truncated: " + e.getMessage());
            }
        }
    }

    private void pgRestoreToNowhere(Path file, List<String> options, String doing) {
        List<String> args = new ArrayList<>(options);
        args.add(file.toString());
        PgClientTools.Running run = tools.start("pg_restore", args, null, clientFix(null));
        run.drainTo(OutputStream.nullOutputStream());
        try {
            run.finish(doing);
        } catch (BackupFailedException e) {
            throw new BadInputException("backup " + file + " is damaged or truncated (" + doing + "): " + run.errors());
        }
    }

    @Override
    public List<String> archiveContents(Path file, BackupFormat format) {
        List<String> objects = new ArrayList<>();
        if (format == BackupFormat.CUSTOM) {
            PgClientTools.Running run = tools.start("pg_restore", List.of("--list", file.toString()), null,
                    clientFix(null));
            readLines(run.stdout(), line -> {
                if (!line.isBlank() && !line.startsWith(";")) {
                    objects.add(line.replaceFirst("^\\d+;\\s*\\d+\\s+\\d+\\s+", ""));
                }
            });
            run.finish("pg_restore --list");
        } else {
            try (InputStream in = openPlain(file, format)) {
                readLines(in, line -> {
                    if (line.startsWith("CREATE ") || line.startsWith("ALTER TABLE ONLY")) {
                        objects.add(line.endsWith(" (") ? line.substring(0, line.length() - 2) : line);
                    }
                });
            } catch (IOException e) {
                throw new BadInputException("cannot read backup " + file + ": " + e.getMessage());
            }
        }
        return objects;
    }

    /**
     * With dropDatabase, the backup goes into a new sibling database first and only a complete restore takes the
     * target's name; a failed one is dropped and the target is left as it was.
     */
    @Override
    public void restore(Path file, BackupFormat format, String target, RestoreOptions options) {
        PostgresUrl url = url(target);
        boolean owners = options.globals() != null;
        if (owners) {
            createRoles(options.globals(), url);
        }
        if (!options.dropDatabase()) {
            load(file, format, url, options.jobs(), owners);
            return;
        }
        PostgresUrl staging = ServerDatabases.createSibling(url, "_partpal_restore");
        try {
            load(file, format, staging, options.jobs(), owners);
        } catch (RuntimeException e) {
            ServerDatabases.drop(staging);
            throw e;
        }
        ServerDatabases.replace(url, staging);
    }

    /**
     * Runs the saved roles file on the server's maintenance database. Statements for roles that already exist fail
     * one by one and are let go (psql without ON_ERROR_STOP); a role still missing makes the restore stop later.
     */
    private void createRoles(Path globals, PostgresUrl url) {
        PostgresUrl maintenance = url.withDatabase("postgres".equals(url.database()) ? "template1" : "postgres");
        PgClientTools.Running run = tools.start("psql", List.of("--no-psqlrc", "--quiet", "--output=/dev/null",
                "--file=" + globals, "--dbname=dbname=" + conninfoValue(maintenance.database())), maintenance,
                clientFix(null));
        run.drainTo(OutputStream.nullOutputStream());
        run.finish("creating the saved roles");
    }

    private void load(Path file, BackupFormat format, PostgresUrl url, int jobs, boolean owners) {
        String conninfo = "dbname=" + conninfoValue(url.database());
        if (format == BackupFormat.CUSTOM) {
            List<String> args = new ArrayList<>(owners ? List.of() : DUMP_OPTIONS);
            args.addAll(List.of("--exit-on-error", "--dbname=" + conninfo));
            args.add(jobs > 1 ? "--jobs=" + jobs : "--single-transaction");
            args.add(file.toString());
            PgClientTools.Running run = tools.start("pg_restore", args, url, clientFix(null));
            run.drainTo(OutputStream.nullOutputStream());
            run.finish("pg_restore into " + url.database());
        } else {
            PgClientTools.Running run = tools.start("psql", List.of("--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1",
                    "--single-transaction", "--output=/dev/null", "--file=-", "--dbname=" + conninfo), url, clientFix(null));
            Thread drain = new Thread(() -> run.drainTo(OutputStream.nullOutputStream()), "psql-stdout");
            drain.setDaemon(true);
            drain.start();
            try (InputStream in = openPlain(file, format); OutputStream stdin = run.stdin()) {
                in.transferTo(stdin);
            } catch (IOException e) {
                // psql stopped reading (it hit an error): its exit status and message say why
            }
            run.finish("psql into " + url.database());
        }
    }

    @Override
    public Map<String, Long> analyzeAndCount(String target) {
        PostgresUrl url = url(target);
        try (Connection c = PostgresPools.connect(url); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
            return countRows(c);
        } catch (SQLException e) {
            throw ServerDatabases.failed("ANALYZE and counting rows in " + url.database(), e, url);
        }
    }

    @Override
    public String createScratch(String serverLocation, String name) {
        if (serverLocation == null || serverLocation.isBlank()) {
            throw new BadInputException("a PostgreSQL restore test needs --scratch-server URL (a server where "
                    + "partpal-db may create and drop a scratch database)");
        }
        PostgresUrl scratch = url(serverLocation).withDatabase(name);
        ServerDatabases.create(scratch);
        return scratch.connectionString();
    }

    @Override
    public void dropScratch(String scratchLocation) {
        ServerDatabases.drop(url(scratchLocation));
    }

    /** The URL with what libpq would take from the environment (PGPASSWORD, PGSSLMODE...) where it says nothing. */
    private PostgresUrl url(String location) {
        return LibpqDefaults.resolve(PostgresUrl.parse(location), environment);
    }

    /** Rows of every ordinary table outside the system schemas, keyed "table" in public and "schema.table" elsewhere. */
    private static Map<String, Long> countRows(Connection c) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n.nspname, c.relname"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r'"
                + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'")) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String[] table : tables) {
            String key = "public".equals(table[0]) ? table[1] : table[0] + "." + table[1];
            counts.put(key, Long.parseLong(queryOne(c, "SELECT count(*) FROM " + Sql.qualified(table[0], table[1]))));
        }
        return counts;
    }

    private static String queryOne(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static InputStream openPlain(Path file, BackupFormat format) throws IOException {
        InputStream in = Files.newInputStream(file);
        return format == BackupFormat.PLAIN_GZIP ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static void readLines(InputStream in, java.util.function.Consumer<String> each) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().forEach(each);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException("cannot read the backup: " + e.getMessage());
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("backup " + file + " does not exist");
        }
    }

    /** A libpq connection-string value: single-quoted, with backslashes and quotes escaped. */
    static String conninfoValue(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String clientFix(PgVersion server) {
        String version = server == null ? "15" : server.majorLabel();
        return "install postgresql-client-" + version + " (or newer), or put the bin directory of a PostgreSQL "
                + version + "+ client (pg_dump, pg_restore, psql) first on PATH";
    }
}
