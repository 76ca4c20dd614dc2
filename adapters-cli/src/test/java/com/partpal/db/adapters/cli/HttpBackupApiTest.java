package com.partpal.db.adapters.cli;

import com.partpal.db.adapters.postgres.PostgresPools;
import com.partpal.db.domain.connection.PostgresUrl;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.partpal.db.adapters.cli.ApiClient.field;
import static com.partpal.db.adapters.cli.ApiClient.writeSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verification, backup and restore jobs and the backups API through a real HTTP client, against a running server, a
 * real SQLite sample and a real PostgreSQL (the machine's pg_dump and pg_restore).
 */
class HttpBackupApiTest {
    private static final String TOKEN = "test-token-backups-0123456789";
    @RegisterExtension
    static final ApiClient API = new ApiClient(TOKEN);

    @TempDir
    static Path dir;
    static EmbeddedServer server;
    static Path sample;

    @BeforeAll
    static void start() {
        server = API.startServer();
        sample = writeSample(server, dir.resolve("sample.db"), 2000);
    }

    private static PostgresUrl freshDatabase() {
        return API.freshDatabase();
    }

    private static HttpResponse<String> send(EmbeddedServer to, String method, String path, String body)
            throws Exception {
        return API.send(to, method, path, body);
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(server, method, path, body);
    }

    private static String json(Path path) {
        return json(path.toString());
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** POSTs a job; asserts 202 with Location and the job's URL; returns the job's id. */
    private static String startJob(String path, String body) throws Exception {
        HttpResponse<String> started = send("POST", path, body);
        assertEquals(202, started.statusCode(), started.body());
        String id = field(started.body(), "id");
        assertEquals("/api/jobs/" + id, field(started.body(), "url"));
        assertEquals("/api/jobs/" + id, started.headers().firstValue("Location").orElseThrow());
        return id;
    }

    private static String awaitFinished(String id) throws Exception {
        return API.awaitFinished(server, id);
    }

    private static String succeeded(String id) throws Exception {
        String job = awaitFinished(id);
        assertEquals("succeeded", field(job, "state"), job);
        return job;
    }

    private static void sql(PostgresUrl url, String... statements) throws SQLException {
        try (Connection c = PostgresPools.connect(url); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static long count(PostgresUrl url, String table) throws SQLException {
        try (Connection c = PostgresPools.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PostgresUrl databaseWithParts() throws SQLException {
        PostgresUrl url = freshDatabase();
        sql(url, "CREATE TABLE part (id int PRIMARY KEY, name text)",
                "INSERT INTO part SELECT g, 'part ' || g FROM generate_series(1, 250) g");
        return url;
    }

    private static String backupBody(String database, Path catalogue, String extra) {
        return "{\"database\": " + json(database) + ", \"directory\": " + json(catalogue.toString()) + extra + "}";
    }

    private static String backupId(String job) {
        Matcher m = Pattern.compile("\"backup\":\\{\"id\":\"([^\"]+)\"").matcher(job);
        assertTrue(m.find(), job);
        return m.group(1);
    }

    @Test
    void aVerificationJobEndsSucceededWhenIdenticalAndFailedNamingADifference() throws Exception {
        PostgresUrl target = freshDatabase();
        succeeded(startJob("/api/migrations", "{\"from\": " + json(sample.toString()) + ", \"to\": "
                + json(target.connectionString()) + ", \"options\": {\"verify\": false}}"));

        String body = "{\"from\": " + json(sample.toString()) + ", \"to\": " + json(target.connectionString())
                + ", \"options\": {\"maxDiffs\": 5, \"jobs\": 2}}";
        String job = succeeded(startJob("/api/verifications", body));
        assertEquals("verification", field(job, "kind"));
        assertTrue(job.contains("\"identical\":true"), job);
        assertTrue(job.contains("\"table\":\"parts\""), job);
        assertTrue(job.contains(":****@"), job);

        sql(target, "DELETE FROM parts WHERE id IN (SELECT id FROM parts ORDER BY id LIMIT 1)");
        String different = API.awaitFinished(server, startJob("/api/verifications", body));
        assertEquals("failed", field(different, "state"), "differences fail the job: " + different);
        assertEquals("verification found differences: 1 differing row in parts; the report names them",
                field(different, "error"));
        assertTrue(different.contains("\"identical\":false"), different);
        assertTrue(different.contains("\"missingInTarget\":1"), different);
    }

    @Test
    void aPostgresBackupIsCataloguedShownVerifiedAndRestoredOnlyWithTheRightConfirm() throws Exception {
        Path catalogue = dir.resolve("pg-backups");
        PostgresUrl source = databaseWithParts();
        String job = succeeded(startJob("/api/backups", backupBody(source.connectionString(), catalogue, "")));
        assertEquals("backup", field(job, "kind"));
        assertEquals("catalogue " + catalogue.toAbsolutePath().normalize() + ", 127.0.0.1:" + source.port() + "/"
                + source.database(), field(job, "target"));
        String id = backupId(job);

        String query = "?directory=" + catalogue.toAbsolutePath();
        HttpResponse<String> list = send("GET", "/api/backups" + query, null);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"id\":\"" + id + "\""), list.body());
        HttpResponse<String> shown = send("GET", "/api/backups/" + id + query, null);
        assertEquals(200, shown.statusCode(), shown.body());
        assertEquals("postgres", field(shown.body(), "engine"));
        assertEquals(source.database(), field(shown.body(), "database"));
        assertTrue(shown.body().contains("\"tableRowCounts\":{\"part\":250}"), shown.body());
        assertTrue(field(shown.body(), "startedAt").endsWith("Z"), shown.body());
        HttpResponse<String> verified = send("POST", "/api/backups/" + id + "/verify",
                "{\"directory\": " + json(catalogue.toString()) + "}");
        assertEquals(200, verified.statusCode(), verified.body());
        assertTrue(verified.body().contains("\"ok\":true"), verified.body());
        assertEquals("ok", field(verified.body(), "verifyResult"));
        assertEquals("ok", field(send("GET", "/api/backups/" + id + query, null).body(), "lastVerifyResult"));

        sql(source, "DELETE FROM part WHERE id > 100");
        int jobsBefore = jobs().size();
        String restore = "{\"backup\": \"" + id + "\", \"to\": " + json(source.connectionString())
                + ", \"directory\": " + json(catalogue.toString()) + ", \"dropDatabase\": true";
        HttpResponse<String> unconfirmed = send("POST", "/api/restores", restore + "}");
        assertEquals(400, unconfirmed.statusCode(), unconfirmed.body());
        assertTrue(unconfirmed.body().contains("confirm with \\\"confirm\\\": \\\"" + source.database() + "\\\""),
                unconfirmed.body());
        HttpResponse<String> wrong = send("POST", "/api/restores", restore + ", \"confirm\": \"postgres\"}");
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("must name the database the restore overwrites, \\\"" + source.database()
                + "\\\", not \\\"postgres\\\"; nothing was restored"), wrong.body());
        assertEquals(jobsBefore, jobs().size(), "a refused restore starts no job");
        assertEquals(100, count(source, "part"), "a refused restore leaves the target as it was");

        String restored = succeeded(startJob("/api/restores",
                restore + ", \"confirm\": \"" + source.database() + "\"}"));
        assertTrue(restored.contains("\"countsMatch\":true"), restored);
        assertEquals(250, count(source, "part"));
    }

    private static List<String> jobs() throws Exception {
        return jobs(server);
    }

    private static List<String> jobs(EmbeddedServer on) throws Exception {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"url\":\"/api/jobs/([^\"]+)\"").matcher(send(on, "GET", "/api/jobs", null).body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static long sqliteCount(Path file, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void sqliteBackupsAreListedVerifiedRestoredAndPruned() throws Exception {
        Path catalogue = dir.resolve("sqlite-backups");
        Path db = dir.resolve("shop.db");
        Files.copy(sample, db);
        String first = backupId(succeeded(startJob("/api/backups", backupBody("file:" + db, catalogue, ""))));
        String second = backupId(succeeded(startJob("/api/backups", backupBody(db.toString(), catalogue,
                ", \"keepLast\": 5"))));
        String firstId = "\"id\":\"" + first + "\"";
        String secondId = "\"id\":\"" + second + "\"";
        String query = "?directory=" + catalogue.toAbsolutePath();
        String metrics = send("GET", "/metrics", null).body();
        String labels = "{database=\"shop.db\",database_key=\"" + com.partpal.db.domain.backup.CatalogueDatabase.of(
                com.partpal.db.domain.backup.DatabaseIdentity.sqlite(db.toRealPath().toString())).shortKey()
                + "\",engine=\"sqlite\"}";
        assertTrue(metrics.contains("partpal_backup_last_run_success" + labels + " 1.0"), metrics);
        assertTrue(metrics.contains("partpal_backup_good_backups" + labels + " 2.0"), metrics);
        Matcher age = Pattern.compile("partpal_backup_newest_good_age_seconds" + Pattern.quote(labels) + " ([0-9.E]+)")
                .matcher(metrics);
        assertTrue(age.find(), metrics);
        assertTrue(Double.parseDouble(age.group(1)) < 600, age.group());
        assertTrue(metrics.contains("partpal_backup_last_run_timestamp_seconds" + labels), metrics);
        String list = send("GET", "/api/backups" + query + "&database=shop.db", null).body();
        assertTrue(list.contains(firstId) && list.contains(secondId), list);
        assertTrue(list.contains("\"identity\":{\"engine\":\"sqlite\",\"path\":" + json(db.toRealPath().toString())
                + "}"), list);
        assertEquals("sqlite", field(send("GET", "/api/backups/" + first + query, null).body(), "engine"));
        assertEquals("ok", field(send("POST", "/api/backups/latest/verify",
                "{\"directory\": " + json(catalogue.toString()) + "}").body(), "verifyResult"));

        Path copy = dir.resolve("restored.db");
        String restore = "{\"backup\": \"" + first + "\", \"to\": " + json(copy.toString()) + ", \"directory\": "
                + json(catalogue.toString()) + ", \"allowOtherDatabase\": true";
        String dryRun = succeeded(startJob("/api/restores", restore + ", \"dryRun\": true}"));
        assertTrue(dryRun.contains("\"dryRun\":true"), dryRun);
        assertTrue(dryRun.contains("\"backupOf\":\"SQLite file " + db.toRealPath() + "\""), dryRun);
        assertTrue(dryRun.contains("\"target\":\"SQLite file " + copy.toAbsolutePath() + "\""), dryRun);
        assertFalse(Files.exists(copy), "a dry run writes nothing");
        succeeded(startJob("/api/restores", restore + ", \"confirm\": \"restored.db\"}"));
        assertEquals(sqliteCount(sample, "parts"), sqliteCount(copy, "parts"));

        String prune = "{\"directory\": " + json(catalogue.toString()) + ", \"keepLast\": 1";
        HttpResponse<String> wouldPrune = send("POST", "/api/backups/prune", prune + ", \"dryRun\": true}");
        assertEquals(200, wouldPrune.statusCode(), wouldPrune.body());
        assertTrue(wouldPrune.body().startsWith("{\"dryRun\":true,\"pruned\":[{\"id\":\"" + first + "\""),
                wouldPrune.body());
        assertTrue(send("GET", "/api/backups" + query, null).body().contains(firstId), "a dry run deletes nothing");
        String pruned = send("POST", "/api/backups/prune", prune + "}").body();
        assertTrue(pruned.contains(firstId) && !pruned.contains(secondId), pruned);
        String after = send("GET", "/api/backups" + query, null).body();
        assertFalse(after.contains(firstId), after);
        assertTrue(after.contains(secondId), after);
        assertEquals(404, send("GET", "/api/backups/" + first + query, null).statusCode());
    }

    @Test
    void aSecondJobOnTheSameDatabaseIsRefusedWith409WhateverItsKind() throws Exception {
        Path catalogue = dir.resolve("conflict-backups");
        PostgresUrl small = databaseWithParts();
        String id = backupId(succeeded(startJob("/api/backups", backupBody(small.connectionString(), catalogue, ""))));

        Path large = writeSample(server, dir.resolve("large.db"), 30000);
        PostgresUrl target = freshDatabase();
        String migration = startJob("/api/migrations", "{\"from\": " + json(large.toString()) + ", \"to\": "
                + json(target.connectionString()) + ", \"options\": {\"batchSize\": 100}}");
        HttpResponse<String> restore = send("POST", "/api/restores", "{\"backup\": \"" + id + "\", \"to\": "
                + json(target.connectionString()) + ", \"directory\": " + json(catalogue.toString())
                + ", \"allowOtherDatabase\": true, \"confirm\": \"" + target.database() + "\"}");
        assertEquals(409, restore.statusCode(), restore.body());
        assertEquals(migration, field(restore.body(), "runningJobId"));
        HttpResponse<String> verify = send("POST", "/api/verifications", "{\"from\": " + json(large.toString())
                + ", \"to\": " + json(target.connectionString()) + "}");
        assertEquals(409, verify.statusCode(), verify.body());
        send("DELETE", "/api/jobs/" + migration, null);
        assertEquals("cancelled", field(awaitFinished(migration), "state"));
    }

    @Test
    void backupJobsOfTwoDatabasesRunAtOnceIntoOneCatalogueButNotTwoOfTheSameDatabase() throws Exception {
        Path catalogue = dir.resolve("per-database-backups");
        PostgresUrl busy = databaseWithParts();
        PostgresUrl other = databaseWithParts();
        try (Connection holder = PostgresPools.connect(busy); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE part IN ACCESS EXCLUSIVE MODE"); // the backup's snapshot waits for it
            String first = startJob("/api/backups", backupBody(busy.connectionString(), catalogue, ""));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"running".equals(field(send("GET", "/api/jobs/" + first, null).body(), "state"))) {
                assertTrue(System.nanoTime() < deadline, "the first backup starts");
                Thread.sleep(50);
            }
            String sameByAnotherName = busy.connectionString().replace("@127.0.0.1:", "@localhost:");
            HttpResponse<String> again = send("POST", "/api/backups", backupBody(sameByAnotherName, catalogue, ""));
            assertEquals(409, again.statusCode(), again.body());
            assertEquals(first, field(again.body(), "runningJobId"));

            String second = backupId(succeeded(startJob("/api/backups", backupBody(other.connectionString(), catalogue,
                    ""))));
            assertEquals("running", field(send("GET", "/api/jobs/" + first, null).body(), "state"),
                    "the other database's backup finished while the first still ran");
            holder.commit();
            String firstBackup = backupId(succeeded(first));
            assertTrue(send("GET", "/api/backups?directory=" + catalogue.toAbsolutePath(), null).body()
                    .contains(firstBackup), second);
        }
    }

    @Test
    void badInputIsAProblemWithOneClearMessageAndStartsNothing() throws Exception {
        PostgresUrl url = freshDatabase();
        int jobsBefore = jobs().size();
        assertProblem(400, "missing body: give a JSON object with database", send("POST", "/api/backups", null));
        assertProblem(400, "missing field 'database': a PostgreSQL URL or a SQLite file",
                send("POST", "/api/backups", "{\"format\": \"custom\"}"));
        assertProblem(400, "not a PostgreSQL URL or SQLite file: mysql://root:****@localhost/db",
                send("POST", "/api/backups", "{\"database\": \"mysql://root:" + url.password() + "@localhost/db\"}"));
        assertTrue(detail(send("POST", "/api/backups", backupBody(url.connectionString(), dir, ", \"format\": \"zip\"")))
                .startsWith("--format must be custom or plain"));
        assertTrue(detail(send("POST", "/api/backups", backupBody(dir.resolve("missing.db").toString(), dir, "")))
                .contains("missing.db"));
        assertTrue(detail(send("POST", "/api/backups", backupBody("postgresql://u:" + url.password()
                + "@localhost:notaport/db", dir, ""))).startsWith("bad PostgreSQL URL"));

        assertProblem(400, "missing field 'to': a PostgreSQL URL or a SQLite file",
                send("POST", "/api/verifications", "{\"from\": " + json(sample.toString()) + "}"));
        assertTrue(detail(send("POST", "/api/verifications", "{\"from\": " + json(sample.toString()) + ", \"to\": "
                + json(sample.toString()) + ", \"options\": {\"rejects\": " + json(dir.resolve("no/such/rejects.jsonl"))
                + "}}")).startsWith("rejects file not found: " + dir.resolve("no/such/rejects.jsonl")));
        assertProblem(400, "'maxDiffs' must be at least 0", send("POST", "/api/verifications", "{\"from\": "
                + json(sample.toString()) + ", \"to\": " + json(sample.toString()) + ", \"options\": {\"maxDiffs\": -1}}"));

        assertProblem(400, "missing field 'backup': a backup id, latest, or a backup file",
                send("POST", "/api/restores", "{\"to\": " + json(url.connectionString()) + "}"));
        assertTrue(detail(send("POST", "/api/restores", "{\"backup\": \"no-such-backup\", \"to\": "
                + json(url.connectionString()) + ", \"directory\": " + json(dir.toString()) + ", \"confirm\": \""
                + url.database() + "\"}")).startsWith("no backup no-such-backup"));

        assertEquals(404, send("GET", "/api/backups/no-such-backup?directory=" + dir, null).statusCode());
        assertEquals(404, send("POST", "/api/backups/no-such-backup/verify", null).statusCode());
        assertEquals(jobsBefore, jobs().size(), "no bad request started a job");
    }

    private static String detail(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        return field(response.body(), "detail");
    }

    private static void assertProblem(int status, String detail, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(detail, field(response.body(), "detail"));
    }

    @Test
    void aScheduleThatFiresEverySecondRunsBackupJobsThatPrune() throws Exception {
        Path catalogue = dir.resolve("scheduled-backups");
        EmbeddedServer scheduled = API.startServer(Map.of(
                "partpal.schedules.every-second.cron", "* * * * * *",
                "partpal.schedules.every-second.database", sample.toString(),
                "partpal.schedules.every-second.directory", catalogue.toString(),
                "partpal.schedules.every-second.keep-last", "1"));
        try {
            String pruningJob = null;
            for (int i = 0; i < 300 && pruningJob == null; i++) {
                Thread.sleep(100);
                for (String id : jobs(scheduled)) {
                    String job = send(scheduled, "GET", "/api/jobs/" + id, null).body();
                    if (job.contains("\"schedule\":\"every-second\"") && job.contains("\"state\":\"succeeded\"")
                            && job.contains("\"pruned\":[\"")) {
                        pruningJob = job;
                        break;
                    }
                }
            }
            assertTrue(pruningJob != null, "no scheduled backup job succeeded and pruned an older backup");
            assertEquals("backup", field(pruningJob, "kind"));
            assertEquals("catalogue " + catalogue.toAbsolutePath().normalize() + ", " + sample.toAbsolutePath().normalize(),
                    field(pruningJob, "target"));
            Matcher pruned = Pattern.compile("\"pruned\":\\[\"([^\"]+)\"").matcher(pruningJob);
            assertTrue(pruned.find(), pruningJob);
            String list = send(scheduled, "GET", "/api/backups?directory=" + catalogue.toAbsolutePath(), null).body();
            assertTrue(list.contains("\"database\":\"sample.db\""), list);
            assertFalse(list.contains(pruned.group(1)), list);
        } finally {
            scheduled.getApplicationContext().close();
        }
    }

    @Test
    void aScheduleWithoutADatabaseStopsTheServerAtStart() {
        Exception e = assertThrows(Exception.class, () -> API.startServer(
                Map.of("partpal.schedules.broken.cron", "0 0 * * * *")).getApplicationContext().close());
        assertTrue(String.valueOf(e.getMessage()).contains("partpal.schedules.broken.database is missing"),
                String.valueOf(e));
    }
}
