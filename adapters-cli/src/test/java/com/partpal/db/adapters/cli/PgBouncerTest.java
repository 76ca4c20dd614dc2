package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.LocalPgBouncer;
import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.adapters.postgres.testing.SharedPostgres;
import com.partpal.db.domain.connection.PostgresUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `pooling --write` against a real PgBouncer (transaction mode) in front of the embedded PostgreSQL. */
class PgBouncerTest {
    private static final AtomicInteger ROLES = new AtomicInteger();
    private static final int CLIENTS = 8;
    private static final int TRANSACTIONS = 60;

    @TempDir
    Path dir;

    @Test
    void theGeneratedConfigStartsAndPoolsAnAppWorkloadOfPreparedStatements() throws Exception {
        AppDatabase app = AppDatabase.create();
        int port = LocalPgBouncer.freePort();
        Path conf = dir.resolve("bouncer");
        CliRun run = CliRun.of("pooling", "--db", app.superuser.connectionString(), "--role", app.role,
                "--app-instances", "2", "--listen-port", Integer.toString(port), "--write", conf.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("(the server's /proc/cpuinfo and cgroup quota)"), run.out());
        assertTrue(run.out().contains("available to the app = max_connections 60 - 3 superuser_reserved_connections - 5"), run.out());
        assertTrue(run.out().contains("DATABASE_URL (app, through PgBouncer): postgresql://postgres:****@127.0.0.1:" + port + "/"
                + app.superuser.database() + "?connection_limit="), run.out());
        assertTrue(run.out().contains("&pgbouncer=true"), run.out());
        assertTrue(run.out().contains("DIRECT_URL (Prisma directUrl: migrations; partpal-db migrate, backup, restore): "
                + app.superuser.masked()), run.out());
        assertTrue(run.out().contains("userlist.txt holds the server's own SCRAM secret of role " + app.role), run.out());
        int poolSize = figure(run.out(), "default_pool_size (\\d+)");

        String userlist = Files.readString(conf.resolve("userlist.txt"));
        assertEquals("\"" + app.role + "\" \"" + app.storedSecret() + "\"\n", userlist);
        String ini = Files.readString(conf.resolve("pgbouncer.ini"));
        assertTrue(ini.contains("pool_mode = transaction\n") && ini.contains("default_pool_size = " + poolSize + "\n"), ini);
        assertNoPassword(app, run.all() + ini + userlist);

        try (LocalPgBouncer bouncer = LocalPgBouncer.start(conf, port)) {
            Set<Integer> backends = app.workload(port);
            assertEquals(CLIENTS * TRANSACTIONS, app.count("orders"), bouncer.log());
            assertTrue(CLIENTS > poolSize, "more clients than server connections, or nothing is pooled");
            assertTrue(backends.size() <= poolSize, backends + " server backends for a pool of " + poolSize);
        }
    }

    @Test
    void aSecretComputedFromThePasswordWorksOnceTheServerStoresIt() throws Exception {
        AppDatabase app = AppDatabase.create();
        int port = LocalPgBouncer.freePort();
        Path conf = dir.resolve("computed");
        CliRun run = CliRun.of("pooling", "--db", app.appUrl().connectionString(), "--listen-port", Integer.toString(port),
                "--write", conf.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("(this machine's, the server is on loopback)"), run.out());
        assertTrue(run.out().contains("userlist.txt holds a SCRAM secret computed from the password with a new salt"), run.out());
        String userlist = Files.readString(conf.resolve("userlist.txt"));
        String secret = userlist.substring(userlist.indexOf("\" \"") + 3, userlist.length() - 2);
        assertFalse(secret.equals(app.storedSecret()), "a new salt");
        assertNoPassword(app, run.all() + userlist + Files.readString(conf.resolve("pgbouncer.ini")));

        app.asSuperuser("ALTER ROLE " + app.role + " PASSWORD '" + secret + "'");
        try (LocalPgBouncer bouncer = LocalPgBouncer.start(conf, port)) {
            assertEquals(1, app.workloadOf(port, 1, 3).size(), bouncer.log());
        }
    }

    @Test
    void commandsPointedAtPgBouncerUseDirectUrlOrSayWhyTheyCannot() throws Exception {
        PostgresUrl target = SharedPostgres.freshDatabase();
        String pooled = new PostgresUrl("127.0.0.1", 6432, target.database(), "postgres",
                target.password(), "public", 4, 10, null, null, true, Map.of()).connectionString();
        Path sqlite = SqliteFiles.create(dir.resolve("app.db"), "CREATE TABLE labels (id INTEGER PRIMARY KEY, name TEXT)",
                "INSERT INTO labels VALUES (1, 'a'), (2, 'b')");

        CliRun refused = CliRun.of("migrate", "--from", sqlite.toString(), "--to", pooled);
        assertEquals(2, refused.exitCode(), refused.all());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains("goes through PgBouncer (pgbouncer=true) and migrate needs a direct connection"),
                refused.err());
        CliRun backup = CliRun.of("backup", "--db", pooled, "--dir", dir.resolve("backups").toString());
        assertEquals(2, backup.exitCode(), backup.all());
        assertTrue(backup.err().contains("(pg_dump") && backup.err().contains("needs a direct connection")
                && backup.err().lines().count() == 1, backup.err());
        assertFalse((refused.all() + backup.all()).contains(target.password()));

        String direct = target.connectionString();
        Child migrate = Child.run(Map.of("DIRECT_URL", direct), "migrate", "--from", sqlite.toString(), "--to", pooled,
                "--report", dir.resolve("report.json").toString(), "--rejects", dir.resolve("rejects.jsonl").toString());
        assertEquals(0, migrate.exit(), migrate.output());
        try (Connection c = PostgresPools.connect(target); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM labels")) {
            rs.next();
            assertEquals(2, rs.getLong(1));
        }
        Child dump = Child.run(Map.of("DIRECT_URL", direct), "backup", "--db", pooled, "--dir", dir.resolve("backups").toString());
        assertEquals(0, dump.exit(), dump.output());
        assertTrue(dump.output().contains("test_"), dump.output());
        assertFalse((migrate.output() + dump.output()).contains(target.password()));
    }

    @Test
    void loadtestRunsThePartPalMixDirectlyAndThroughPgBouncerAndLeavesNothingBehind() throws Exception {
        PostgresUrl db = SharedPostgres.freshDatabase();
        int port = LocalPgBouncer.freePort();
        Path conf = dir.resolve("load");
        CliRun plan = CliRun.of("pooling", "--db", db.connectionString(), "--listen-port", Integer.toString(port),
                "--write", conf.toString(), "--cores", "1");
        assertEquals(0, plan.exitCode(), plan.all());
        PostgresUrl pooled = new PostgresUrl("127.0.0.1", port, db.database(), db.user(), db.password(), "public",
                2, 10, null, null, true, Map.of());

        CliRun direct = CliRun.of("loadtest", "--db", db.connectionString(), "--clients", "4", "--duration", "2", "--rows", "2000");
        assertEquals(0, direct.exitCode(), direct.all());
        assertTrue(direct.out().matches("(?s)4 clients on 4 connections for 2\\.\\d s: \\d+ operations, [0-9.]+/s, 0 errors\n.*"), direct.out());
        for (String operation : List.of("read_part", "search_parts", "category_counts", "add_part", "update_stock", "all")) {
            assertTrue(direct.out().matches("(?s).*\n" + operation + " +[1-9]\\d* +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+\\b.*"),
                    operation + " in " + direct.out());
        }
        try (LocalPgBouncer bouncer = LocalPgBouncer.start(conf, port)) {
            CliRun through = CliRun.of("loadtest", "--db", pooled.connectionString(), "--clients", "6", "--duration", "2",
                    "--rows", "2000");
            assertEquals(0, through.exitCode(), through.all() + bouncer.log());
            assertTrue(through.out().startsWith("6 clients on 2 connections for "), through.out());
            assertTrue(through.err().contains("-- dropping schema partpal_loadtest_"), through.err());
            assertFalse(through.all().contains(db.password()));
        }
        try (Connection c = PostgresPools.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'partpal\\_loadtest\\_%'")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "the load test's schemas are dropped");
        }
    }

    private static void assertNoPassword(AppDatabase app, String text) {
        assertFalse(text.contains(app.password), "the app's password leaked");
        assertFalse(text.contains(app.superuser.password()), "the superuser's password leaked");
    }

    private static int figure(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), text);
        return Integer.parseInt(m.group(1));
    }

    /** A database with an app role (SCRAM password) that owns an orders table. */
    private record AppDatabase(PostgresUrl superuser, String role, String password) {
        static AppDatabase create() throws SQLException {
            PostgresUrl db = SharedPostgres.freshDatabase();
            String role = "app_" + ProcessHandle.current().pid() + "_" + ROLES.incrementAndGet();
            String password = "pw-" + Long.toHexString(System.nanoTime()) + "-x";
            AppDatabase app = new AppDatabase(db, role, password);
            app.asSuperuser("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            app.asSuperuser("CREATE TABLE orders (id bigserial PRIMARY KEY, client int NOT NULL, total numeric(10,2) NOT NULL)");
            app.asSuperuser("GRANT ALL ON orders, orders_id_seq TO " + role);
            return app;
        }

        PostgresUrl appUrl() {
            return new PostgresUrl(superuser.host(), superuser.port(), superuser.database(), role, password, "public",
                    null, null, null, null, false, Map.of());
        }

        void asSuperuser(String sql) throws SQLException {
            try (Connection c = PostgresPools.connect(superuser); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        String storedSecret() throws SQLException {
            try (Connection c = PostgresPools.connect(superuser); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = '" + role + "'")) {
                rs.next();
                return rs.getString(1);
            }
        }

        long count(String table) throws SQLException {
            try (Connection c = PostgresPools.connect(superuser); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        Set<Integer> workload(int port) throws Exception {
            return workloadOf(port, CLIENTS, TRANSACTIONS);
        }

        /**
         * Clients as a Prisma app with pgbouncer=true runs them: prepared statements sent unnamed (prepareThreshold
         * 0), each unit of work in a transaction. Returns the server backends that served them.
         */
        Set<Integer> workloadOf(int port, int clients, int transactions) throws Exception {
            Set<Integer> backends = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int client = 0; client < clients; client++) {
                    int id = client;
                    done.add(pool.submit(() -> {
                        Properties props = new Properties();
                        props.setProperty("user", role);
                        props.setProperty("password", password);
                        props.setProperty("prepareThreshold", "0");
                        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/"
                                + superuser.database(), props);
                             PreparedStatement insert = c.prepareStatement("INSERT INTO orders (client, total) VALUES (?, ?) RETURNING id");
                             PreparedStatement read = c.prepareStatement("SELECT count(*), pg_backend_pid() FROM orders WHERE client = ?")) {
                            c.setAutoCommit(false);
                            for (int i = 0; i < transactions; i++) {
                                insert.setInt(1, id);
                                insert.setBigDecimal(2, new java.math.BigDecimal(i + ".50"));
                                try (ResultSet rs = insert.executeQuery()) {
                                    rs.next();
                                }
                                read.setInt(1, id);
                                try (ResultSet rs = read.executeQuery()) {
                                    rs.next();
                                    assertEquals(i + 1, rs.getLong(1));
                                    backends.add(rs.getInt(2));
                                }
                                c.commit();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            return backends;
        }
    }

    /** partpal-db in a JVM of its own, for environment variables. */
    private record Child(int exit, String output) {
        static Child run(Map<String, String> env, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), PartpalDb.class.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Child(process.waitFor(), output);
        }
    }
}
